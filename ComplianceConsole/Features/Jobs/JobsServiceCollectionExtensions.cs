using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

namespace ComplianceConsole.Features.Jobs;

public static class JobsServiceCollectionExtensions
{
    public const string MaxConcurrencyKey = "ComplianceConsole:Jobs:MaxConcurrency";
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// The job host: Quartz.NET with its persistent store in the app's own database (its tables come with our
    /// migrations), the <see cref="JobRecord"/> registry people see, and its own housekeeping; features add their recurring
    /// work with <see cref="RecurringJobs.AddRecurringJob{TJob}(IServiceCollection, string, TimeSpan, TimeSpan)"/>. On
    /// PostgreSQL the store is clustered. Settings under the <c>Quartz</c> configuration section apply on top of these.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddLiveNotifier(builder.Configuration, builder.Environment);
        services.AddSingleton<JobStorage>();
        services.AddSingleton<JobRetention>();
        services.AddSingleton<JobScheduler>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<JobHousekeeping>();
        services.AddSingleton<JobSweep>();
        services.AddScoped<JobQueue>();
        services.AddScoped<JobQueryService>();
        services.AddHostedService<JobRecovery>();
        services.AddRecurringJob<HousekeepingJob>("housekeeping", HousekeepingInterval);
        services.AddRecurringJob<JobSweepJob>("job-sweep", JobSweep.Interval);
        services.AddSingleton<Retention.IRetentionTarget, JobFilesTarget>();

        var dataFolder = new DataFolder(builder.Configuration, builder.Environment);
        var database = DatabaseSettings.From(builder.Configuration, dataFolder);
        builder.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(Math.Max(1, builder.Configuration.GetValue(MaxConcurrencyKey, 2)));
            quartz.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.PostgreSql)
                {
                    // Every instance of the app shares the store: a job or a recurring trigger fires on one of them, once. Clustering
                    // gives each instance an id of its own; recurring triggers are named (RecurringJobs), so each exists once.
                    store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
                    // An instance that stops checking in is found dead within CheckinInterval + CheckinMisfireThreshold (about 15 s):
                    // its recoverable jobs run again elsewhere, the others are marked Interrupted by the next JobSweep.
                    store.UseClustering(clustering =>
                    {
                        clustering.CheckinInterval = TimeSpan.FromSeconds(5);
                        clustering.CheckinMisfireThreshold = TimeSpan.FromSeconds(10);
                    });
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, database.ConnectionString);
                }
                store.ConfigureStore(options => options.StoreJobDataAsStrings = true);
            });
        });
        builder.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>Registers a kind of job and the handler that does its work.</summary>
    public static IServiceCollection AddJobKind<TInput, THandler>(this IServiceCollection services, JobKind<TInput, THandler> kind)
        where THandler : class, IJobHandler<TInput>
    {
        services.AddSingleton<JobKind>(kind);
        services.AddScoped<THandler>();
        return services;
    }
}
