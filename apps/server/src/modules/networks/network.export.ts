import type { Network, NetworkExportQuery } from '@suilian/contracts';
import type { Actor } from '../../platform/actor.js';
import { listAll } from '../../platform/tabular/export.js';
import type { TableSpec } from '../../platform/tabular/spec.js';
import { writeWorkbook } from '../../platform/tabular/workbook.js';
import type { NetworkService } from './network.service.js';

const MODE_NAMES: Record<Network['mode'], string> = { virtual: '虚拟专网', hybrid: '混合专网', dedicated: '独立专网' };
const STATE_NAMES: Record<Network['state'], string> = { planned: '规划中', building: '建设中', in_service: '已开通', retired: '已退网' };
const UPF_NAMES: Record<Network['upfLocation'], string> = { operator_edge: '运营商边缘机房', enterprise_premises: '企业园区' };
const CONFIRMATION_NAMES: Record<Network['confirmation']['state'], string> = {
  declared: '待确认',
  confirmed: '已确认',
  returned: '已退回',
};

/** The export's columns (an export only: networks are registered in the console, not imported). */
const SPEC: TableSpec = {
  sheet: '5G专网',
  rules: ['本表为导出清单，仅供查阅与统计；5G专网由运营商在平台登记，区级确认后计入统计。'],
  columns: [
    { header: '专网名称', key: 'name', width: 36 },
    { header: '企业', key: 'enterprise', width: 32 },
    { header: '运营商', key: 'operator', width: 32 },
    { header: '所在区', key: 'district' },
    { header: '组网模式', key: 'mode' },
    { header: '频段', key: 'bands' },
    { header: 'UPF部署位置', key: 'upf' },
    { header: '网络切片', key: 'slices', width: 40 },
    { header: '边缘计算节点数', key: 'edgeNodes' },
    { header: '状态', key: 'state' },
    { header: '开通日期', key: 'inServiceOn', type: 'date' },
    { header: '合同起始', key: 'contractStart', type: 'date' },
    { header: '合同截止', key: 'contractEnd', type: 'date' },
    { header: '区级确认', key: 'confirmation' },
    { header: '站点', key: 'sites', width: 48 },
  ],
};

/** Export of the filtered network list as .xlsx, through the list's own scope and filters. */
export function createNetworkExport(deps: { networks: Pick<NetworkService, 'list'> }) {
  return {
    async export(actor: Actor, query: NetworkExportQuery): Promise<Buffer> {
      const items = await listAll('networks', (page, pageSize) => deps.networks.list(actor, { ...query, page, pageSize }));
      return writeWorkbook(
        SPEC,
        items.map((n) => ({
          name: n.name,
          enterprise: n.enterpriseName,
          operator: n.operatorName,
          district: n.districtName,
          mode: MODE_NAMES[n.mode],
          bands: n.bands.join('、'),
          upf: UPF_NAMES[n.upfLocation],
          slices: n.slices.map((s) => `${s.name}(${s.snssai}, 5QI ${s.fiveQi})`).join('；'),
          edgeNodes: String(n.edgeNodes.length),
          state: STATE_NAMES[n.state],
          inServiceOn: n.inServiceOn ?? '',
          contractStart: n.contractStart ?? '',
          contractEnd: n.contractEnd ?? '',
          confirmation: CONFIRMATION_NAMES[n.confirmation.state],
          sites: n.sites.map((s) => `${s.districtName} ${s.address}`).join('；'),
        })),
      );
    },
  };
}

export type NetworkExport = ReturnType<typeof createNetworkExport>;
