import type { Month, MonthCloseCandidate, MonthCloseProgress } from '@billing/engine';
import type { NewEvent } from './events';
import type { Page, PageRequest } from './tenants';

export const JOB_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The month-end batch (DOMAIN §7) a client starts, for every group with activity in the month. */
export const CLOSE_MONTH = 'close-month';
/** The same batch for the groups that opted into `autoClose`, started by the scheduled run. */
export const AUTO_CLOSE = 'auto-close';
export const JOB_KINDS = [CLOSE_MONTH, AUTO_CLOSE] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface JobRecord extends MonthCloseProgress {
  id: string;
  tenantId: string;
  kind: JobKind;
  month: Month;
  status: JobStatus;
  /** Which worker may write the job's progress; a resumed job gets a new lease. */
  leaseId: string;
  createdAt: string;
  updatedAt: string;
}

export interface JobProgressWrite {
  tenantId: string;
  jobId: string;
  leaseId: string;
  progress: MonthCloseProgress;
  status: JobStatus;
  updatedAt: string;
  /** `job.finished` when the write ends the job: written only if the write applies. */
  event?: NewEvent | null;
}

/** Background jobs and their progress (owner: the job routes). */
export interface JobStore {
  /** Inserts a job; null when a RUNNING job of the same kind and month exists already. */
  createJob(job: JobRecord): Promise<JobRecord | null>;
  getJob(tenantId: string, jobId: string): Promise<JobRecord | null>;
  /** The tenant's jobs, in id order, of one kind and month when given. */
  listJobs(
    tenantId: string,
    filter: { kind: JobKind | null; month: Month | null },
    page: PageRequest,
  ): Promise<Page<JobRecord>>;
  runningJob(tenantId: string, kind: JobKind, month: Month): Promise<JobRecord | null>;
  /**
   * Takes a RUNNING job over for a new worker when its progress was last written at `seenUpdatedAt`
   * (compare and set): two resumers cannot both win. Returns the job under its new lease, or null.
   */
  takeOverJob(
    write: JobProgressWrite & { seenUpdatedAt: string; newLeaseId: string },
  ): Promise<JobRecord | null>;
  /** Writes progress under the worker's lease; false when another worker took the job over. */
  saveJobProgress(write: JobProgressWrite): Promise<boolean>;
  /**
   * The tenant's billing groups with activity (usage or adjustments) or a live statement in the
   * month, each marked closed when its live statement exists; with `onlyAutoClose`, only the groups
   * that opted into `autoClose` and live in real time (a test clock's advance closes its own groups).
   */
  monthCloseCandidates(
    tenantId: string,
    month: Month,
    onlyAutoClose?: boolean,
  ): Promise<MonthCloseCandidate[]>;
}
