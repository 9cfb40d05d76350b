import { Cron } from 'croner';
import { runMonthCloseJob } from '../services/month-close';
import { runSchedule, SCHEDULES, type ScheduledContext } from '../services/scheduled-work';
import { runTestClockAdvance } from '../services/test-clocks';

/**
 * The Node host's Cron Triggers: the crons of wrangler.jsonc (services/scheduled-work.ts), in UTC,
 * one run of a cron at a time; and once at start, the sweep of stale jobs, so a job whose process
 * died resumes when the host comes back (once its lease has run out), with no client request.
 */
export function startScheduler(context: Omit<ScheduledContext, 'startRunner' | 'startTestClockRunner'>): {
  stop(): void;
} {
  const scheduled: ScheduledContext = {
    ...context,
    startRunner: async (job) => {
      void runMonthCloseJob(context, job);
    },
    startTestClockRunner: async (clock) => {
      void runTestClockAdvance(context, clock);
    },
  };
  const run = async (cron: string) => {
    try {
      const reports = await runSchedule(scheduled, cron);
      console.log(JSON.stringify({ level: 'info', message: 'scheduled run', cron, reports }));
    } catch (error) {
      console.error(
        JSON.stringify({ level: 'error', message: 'scheduled run failed', cron, error: String(error) }),
      );
    }
  };
  const crons = Object.keys(SCHEDULES).map(
    (pattern) => new Cron(pattern, { timezone: 'UTC', protect: true, unref: true }, () => run(pattern)),
  );
  // A job left RUNNING by the previous process goes stale after its lease; check then.
  const resumeAtStart = setTimeout(() => void run('*/10 * * * *'), context.staleAfterMs + 1000);
  resumeAtStart.unref();
  return {
    stop: () => {
      clearTimeout(resumeAtStart);
      for (const cron of crons) cron.stop();
    },
  };
}
