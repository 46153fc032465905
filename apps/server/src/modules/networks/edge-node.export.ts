import type { API, EdgeNode } from '@suilian/contracts';
import { codeColumn, dayOf, type ListExport, textColumn, type Worded } from '../../platform/tabular/list-export.js';
import type { NetworkService } from './network.service.js';

const CONFIRMATION_NAMES: Record<EdgeNode['confirmationState'], Worded> = {
  declared: { zh: '待确认', en: 'Awaiting confirmation' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  returned: { zh: '已退回', en: 'Returned' },
};

/** 边缘计算节点清单 (#12 item 7). */
export function edgeNodeExport(networks: Pick<NetworkService, 'edgeNodes'>): ListExport<typeof API.exportEdgeNodes, EdgeNode> {
  return {
    name: { zh: '边缘计算节点清单', en: 'Edge nodes' },
    list: (actor, query) => networks.edgeNodes(actor, query),
    columns: [
      textColumn({ zh: '节点名称', en: 'Name' }, (n) => n.name, 28),
      textColumn({ zh: '所属专网', en: 'Network' }, (n) => n.networkName, 32),
      textColumn({ zh: '运营商', en: 'Operator' }, (n) => n.operatorName, 28),
      textColumn({ zh: '所在区', en: 'District' }, (n) => n.districtName),
      textColumn({ zh: '位置', en: 'Location' }, (n) => n.location, 32),
      textColumn({ zh: 'CPU 核数', en: 'CPU cores' }, (n) => n.cpuCores),
      textColumn({ zh: '内存（GB）', en: 'Memory (GB)' }, (n) => n.memoryGb),
      textColumn({ zh: 'GPU 数', en: 'GPUs' }, (n) => n.gpuCount),
      { header: { zh: '投运日期', en: 'Commissioned on' }, value: (n) => dayOf(n.commissionedOn), type: 'date' },
      codeColumn({ zh: '专网确认状态', en: 'Network confirmation' }, CONFIRMATION_NAMES, (n) => n.confirmationState),
    ],
  };
}
