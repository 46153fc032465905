import { API } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../api/endpoints';

/** A job followed until it ends (polled twice a second while queued or running). */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: ['jobs', id],
    enabled: id !== undefined,
    queryFn: () => call(API.getJob, { params: { id: id ?? '' } }),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : 500;
    },
  });
}
