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
    private static readonly TimeSpan ExportScheduleInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The job host: Quartz.NET with its persistent store in the app's own database (its tables come with our
    /// migrations), the <see cref="JobRecord"/> registry people see, and recurring work (housekeeping, the audit
    /// chain's signed checkpoints, scheduled exports, export file retention and the daily retention purge). On PostgreSQL
    /// the store is clustered. Settings under the <c>Quartz</c> configuration section apply on top of these.
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
        services.AddScoped<JobQueue>();
        services.AddScoped<JobQueryService>();
        services.AddHostedService<JobRecovery>();

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
                    // gives each instance an id of its own; the recurring triggers below are named, so every instance stores the
                    // same ones (replacing them) and each exists once whatever the number of instances.
                    store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString);
                    store.UseClustering(_ => { });
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, database.ConnectionString);
                }
                store.ConfigureStore(options => options.StoreJobDataAsStrings = true);
            });
            quartz.ScheduleJob<HousekeepingJob>((services, trigger) => trigger.WithIdentity("housekeeping", "console")
                .StartOnAppClock(services).WithSimpleSchedule(schedule => schedule.WithInterval(HousekeepingInterval).RepeatForever()));
            var auditCheckpointInterval = Audit.AuditCheckpoints.Interval(builder.Configuration);
            quartz.ScheduleJob<Audit.AuditCheckpointJob>((services, trigger) => trigger.WithIdentity("audit-checkpoint", "console")
                .StartOnAppClock(services, auditCheckpointInterval).WithSimpleSchedule(schedule => schedule.WithInterval(auditCheckpointInterval).RepeatForever()));
            quartz.ScheduleJob<Exports.Schedules.ExportScheduleJob>((services, trigger) => trigger.WithIdentity("export-schedules", "console")
                .StartOnAppClock(services, ExportScheduleInterval).WithSimpleSchedule(schedule => schedule.WithInterval(ExportScheduleInterval).RepeatForever()));
            quartz.ScheduleJob<Exports.ExportHousekeepingJob>((services, trigger) => trigger.WithIdentity("export-housekeeping", "console")
                .StartOnAppClock(services).WithSimpleSchedule(schedule => schedule.WithInterval(HousekeepingInterval).RepeatForever()));
            quartz.ScheduleJob<Retention.RetentionPurgeScheduledJob>((services, trigger) => trigger.WithIdentity("retention-purge", "console")
                .StartOnAppClock(services, Retention.RetentionPurgeScheduledJob.FirstRunAfter)
                .WithSimpleSchedule(schedule => schedule.WithInterval(Retention.RetentionPurgeScheduledJob.Interval).RepeatForever()));
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
