import { LoadingState } from '@/components/feedback/loading-state';

export default function Loading() {
  return <LoadingState />;
}
