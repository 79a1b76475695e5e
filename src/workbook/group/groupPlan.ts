/**
 * The group comparison workbook as a plan (rendered to an .xlsx file by src/xlsx): the Group
 * comparison sheet first, then the Group responses it counts over. It is not an assessment (no
 * meta sheet), so the add-in never mistakes it for one.
 */
import { score, type CalendarDate } from '../../domain';
import { assertPlanValid } from '../checkPlan';
import type { WorkbookPlan } from '../plan';
import { blockingCriteria } from './blocking';
import type { Group } from './groupInput';
import { groupLayoutOf, type GroupLayout } from './groupLayout';
import { buildGroupResponsesSheet } from './groupResponses';
import { buildGroupSheet } from './groupSheet';

export interface GroupPlan {
  readonly plan: WorkbookPlan;
  readonly layout: GroupLayout;
}

export function buildGroupPlan(group: Group, today: CalendarDate): GroupPlan {
  const { framework, members } = group;
  const layout = groupLayoutOf({
    members: members.length,
    areas: framework.areas.length,
    levels: framework.levels.length,
    criteria: framework.criteria.length,
    scale: framework.ratingScale.points.length,
  });
  const results = members.map((m) => score(framework, m.responses, m.settings));
  const { sheet, chart } = buildGroupSheet({
    framework,
    members,
    layout,
    blockers: blockingCriteria(framework, results),
    today,
  });
  const plan: WorkbookPlan = {
    meta: {
      layoutVersion: 1,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      frameworkTitle: framework.title,
    },
    sheets: [sheet, buildGroupResponsesSheet(framework, members, layout)],
    names: [],
    charts: [chart],
  };
  assertPlanValid(plan);
  return { plan, layout };
}
