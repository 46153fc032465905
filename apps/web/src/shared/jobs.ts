import { type Job, JobSchema } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/http';

/** A job followed until it ends (polled twice a second while queued or running). */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: ['jobs', id],
    enabled: id !== undefined,
    queryFn: () => api.get<Job>(`/jobs/${id}`, { check: JobSchema }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 500;
    },
  });
}
