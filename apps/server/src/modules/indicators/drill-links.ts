import type { DrillRecordKind } from '@suilian/contracts';

/** The console page listing the records behind an indicator's value (the drill-down contract shared with the dashboard). */
export function drillLink(code: string, districtId: string | null): string {
  return `/indicators/${encodeURIComponent(code)}/records${districtId ? `?district=${districtId}` : ''}`;
}

/** The console path of one counted record; `ref` is the selection round or the registry. */
export function recordLink(kind: DrillRecordKind, id: string, ref: string | null, title: string): string | null {
  switch (kind) {
    case 'project':
      return `/programme/projects/${id}`;
    case 'factory':
      return `/programme/factories/${id}`;
    case 'enterprise':
      return `/programme/enterprises/${id}`;
    case 'selection_application':
      return ref ? `/programme/selections/${ref}/applications/${id}` : null;
    case 'typical_case':
      return `/programme/cases/${id}`;
    case 'registry_record':
      // Registry pages open on a list; the title search finds the record.
      return ref ? `/programme/ecosystem/${ref}?q=${encodeURIComponent(title)}` : null;
    case 'handle_stat':
      return ref ? `/identifiers/handles?prefix=${encodeURIComponent(ref)}` : null;
    case 'private_network':
      return `/networks/${id}`;
    case 'edge_node':
      // The node's network (`ref`) shows its edge nodes.
      return ref ? `/networks/${ref}` : null;
    case 'training_activity':
      return `/trainings/activities/${id}`;
    case 'trainee':
      // A person is shown on the roster of the cohort they first completed (`ref`).
      return ref ? `/trainings/activities/${ref}` : null;
    case 'reported_value':
      // A district's typed monthly figure: the reporting page holds the forms.
      return '/indicators/reporting';
  }
}
