import { LoadingState } from '@/components/feedback/loading-state';

/** Shown in place of this route's page only (the header and navigation stay) until it can draw. */
export default function Loading() {
  return <LoadingState />;
}
