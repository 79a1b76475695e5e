import type { Framework } from '../../domain';

/** Excel limits: a validation prompt is at most 255 characters. */
const PROMPT_LIMIT = 255;

/** The drop-down's items: the scale's values, then the not-applicable label. */
export function ratingItems(framework: Framework): string[] {
  return [
    ...framework.ratingScale.points.map((p) => String(p.value)),
    framework.ratingScale.notApplicable.label,
  ];
}

/** "1 Not in place; 2 ...; N/A Not applicable (say why in Notes)", cut to Excel's limit. */
export function ratingPrompt(framework: Framework): string {
  const parts = [
    ...framework.ratingScale.points.map((p) => `${p.value} ${p.label}`),
    `${framework.ratingScale.notApplicable.label} not applicable (say why in Notes)`,
  ];
  const text = parts.join('; ');
  return text.length <= PROMPT_LIMIT ? text : `${text.slice(0, PROMPT_LIMIT - 1)}…`;
}
