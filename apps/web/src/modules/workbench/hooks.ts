import { API } from '@suilian/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/endpoints';

/** The caller's 工作台: to-dos, latest notifications, cockpit summary (city and district users). */
export function useWorkbench() {
  return useQuery({ queryKey: ['workbench'], queryFn: () => call(API.getWorkbench), refetchInterval: 120_000 });
}
