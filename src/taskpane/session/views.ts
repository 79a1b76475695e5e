/** The pane's views, in the order the tabs show them. */
export const VIEWS = [
  { id: 'setup', label: 'Set up' },
  { id: 'check', label: 'Check' },
  { id: 'results', label: 'Results' },
  { id: 'report', label: 'Report' },
  { id: 'maintain', label: 'Maintain' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export function viewLabel(id: ViewId): string {
  return VIEWS.find((v) => v.id === id)?.label ?? id;
}
