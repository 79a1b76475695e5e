/**
 * What Set up says about a framework before Generate: its size, how many criteria the source
 * lacks the text of (absent) or has only the last words of (fragment), that the officer can
 * complete them in the workbook, and where the framework gives guidance. Plain data in, words out,
 * so the sentences are tested without rendering.
 */
import type { Framework } from '../../domain/index';

export function frameworkAbout(framework: Framework): string[] {
  const areas = framework.areas.length;
  const lines = [
    `${framework.title}, version ${framework.version}: ${areas} ${areas === 1 ? 'area' : 'areas'}, ${framework.criteria.length} criteria.`,
  ];
  const absent = framework.criteria.filter((c) => c.textStatus === 'absent').length;
  const fragment = framework.criteria.filter((c) => c.textStatus === 'fragment').length;
  if (absent + fragment > 0) {
    const parts = [
      ...(absent > 0
        ? [`${absent} ${absent === 1 ? 'criterion has' : 'criteria have'} no text in the source`]
        : []),
      ...(fragment > 0 ? [`${fragment} only a fragment (the last words)`] : []),
    ];
    lines.push(
      `${capitalise(parts.join(' and '))}. You can complete them in the workbook: type the wording from your organisation’s copy in each one’s Criterion cell (an input cell). Check lists those still empty.`,
    );
  }
  const guided = framework.areas.filter((a) => framework.questions.some((q) => q.area === a.number));
  lines.push(
    guided.length === 0
      ? 'This framework gives no guidance questions, so the sheets have no Guidance column.'
      : `Questions to ask in self assessment are shown beside the criteria of ${guided.map((a) => a.shortName).join(', ')}.`,
  );
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
