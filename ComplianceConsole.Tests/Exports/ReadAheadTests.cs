using System.Runtime.CompilerServices;
using ComplianceConsole.Common;

namespace ComplianceConsole.Tests.Exports;

/// <summary>An export reads its rows ahead on another thread: every row arrives in order, a failure reaches the writer, and a writer that stops stops the reading.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public async Task Every_item_arrives_once_in_its_order()
    {
        var items = new List<int>();
        await foreach (var item in Numbers(10_000).ReadAheadAsync(16, TestContext.Current.CancellationToken)) items.Add(item);

        Assert.Equal(Enumerable.Range(0, 10_000), items);
    }

    [Fact]
    public async Task A_failure_of_the_source_reaches_the_consumer()
    {
        var seen = 0;
        var failure = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in FailingAfter(100).ReadAheadAsync(8, TestContext.Current.CancellationToken)) seen++;
        });

        Assert.Equal("row 100 is corrupt", failure.Message);
        Assert.Equal(100, seen);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_stops_the_source()
    {
        var produced = new Counter();
        await foreach (var item in Endless(produced).ReadAheadAsync(8, TestContext.Current.CancellationToken))
        {
            if (item == 50) break;
        }

        Assert.True(produced.Closed, "the source was still open after the consumer stopped");
        Assert.InRange(produced.Value, 51, 51 + 8 + 2);
    }

    private sealed class Counter
    {
        public int Value;
        public bool Closed;
    }

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 1000 == 0) await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> FailingAfter(int rows)
    {
        for (var i = 0; ; i++)
        {
            await Task.Yield();
            if (i == rows) throw new InvalidDataException($"row {i} is corrupt");
            yield return i;
        }
    }

    private static async IAsyncEnumerable<int> Endless(Counter produced, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            for (var i = 0; ; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref produced.Value);
                yield return i;
            }
        }
        finally
        {
            produced.Closed = true;
        }
    }
}
