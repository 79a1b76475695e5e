/**
 * A small bar chart drawn by hand in SVG (no chart library: the bundle budget): for each area,
 * one bar per level showing the share of applicable criteria met, with a mark at the share
 * needed. The figures are also in the tables beside it, so the chart is one image to a screen
 * reader, described in one sentence.
 */
// The module itself, not the domain's index: the index would bring the framework loader (zod) and
// the bundled frameworks into the JavaScript loaded before the first view (budget in test/build).
import { levelText } from '../../domain';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { AreaResult } from '../../domain/index';

const useStyles = makeStyles({
  svg: { display: 'block', width: '100%', height: 'auto', maxWidth: '460px' },
  // The drawing is 300 units wide and shown 280 to 460 pixels wide, so 12 units read as 11 to 18
  // pixels: readable at Office's narrowest pane.
  label: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '13px',
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyBase,
  },
  small: { fill: tokens.colorNeutralForeground1, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  track: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke1, strokeWidth: 0.5 },
  reached: { fill: tokens.colorPaletteGreenForeground1 },
  notReached: { fill: tokens.colorPaletteDarkOrangeForeground1 },
  needed: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5, strokeDasharray: '2 2' },
  legend: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    fontSize: tokens.fontSizeBase200,
  },
  reachedSwatch: { backgroundColor: tokens.colorPaletteGreenForeground1 },
  notReachedSwatch: { backgroundColor: tokens.colorPaletteDarkOrangeForeground1 },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    marginRight: '4px',
    verticalAlign: 'middle',
  },
});

/**
 * Every bar carries a mark as well as its colour, so reached and not yet never rest on telling
 * green from orange (WCAG 1.4.1): a tick when the level's share needed is met, a cross when not.
 */
export const BAR_MARKS = { reached: '\u2713', notYet: '\u2717' } as const;

const WIDTH = 300;
const LABEL_W = 78;
const VALUE_W = 50;
const BAR_H = 13;
const BAR_GAP = 4;
const AREA_GAP = 12;
const HEAD_H = 18;

export function LevelChart({
  areas,
  requiredShare,
}: {
  areas: readonly AreaResult[];
  requiredShare: number;
}) {
  const styles = useStyles();
  const titleId = useId();
  const barW = WIDTH - LABEL_W - VALUE_W;
  let y = 0;
  const groups = areas.map((area) => {
    const top = y;
    y += HEAD_H + area.levels.length * (BAR_H + BAR_GAP) + AREA_GAP;
    return { area, top };
  });
  const height = Math.max(y, 1);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        data-testid="level-chart"
      >
        <title id={titleId}>
          {`Share of applicable criteria met at each level, by area: ${areas
            .map(
              (a) =>
                `${a.shortName} ${levelText({ assessed: a.assessed, levelName: a.levelReachedName }, a.levels[0]?.levelName ?? 'the first level')}`,
            )
            .join('; ')}.`}
        </title>
        {groups.map(({ area, top }) => (
          <g key={area.area} transform={`translate(0 ${top})`}>
            <text className={styles.label} x={0} y={13}>
              {area.shortName}
            </text>
            {area.levels.map((level, i) => {
              const barY = HEAD_H + i * (BAR_H + BAR_GAP);
              const share = level.shareMet ?? 0;
              return (
                <g key={level.level} transform={`translate(0 ${barY})`}>
                  <text className={styles.small} x={0} y={BAR_H - 2}>
                    {level.levelName}
                  </text>
                  <rect className={styles.track} x={LABEL_W} y={0} width={barW} height={BAR_H} />
                  <rect
                    className={level.satisfied ? styles.reached : styles.notReached}
                    x={LABEL_W}
                    y={0}
                    width={barW * share}
                    height={BAR_H}
                  />
                  <line
                    className={styles.needed}
                    x1={LABEL_W + barW * requiredShare}
                    x2={LABEL_W + barW * requiredShare}
                    y1={-1}
                    y2={BAR_H + 1}
                  />
                  <text className={styles.small} x={LABEL_W + barW + 4} y={BAR_H - 2}>
                    {level.shareMet === null
                      ? 'n/a'
                      : `${level.satisfied ? BAR_MARKS.reached : BAR_MARKS.notYet} ${Math.round(share * 100)}%`}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className={styles.legend} aria-hidden="true">
        <span>
          <span className={`${styles.swatch} ${styles.reachedSwatch}`} />
          {BAR_MARKS.reached} share needed met
        </span>
        <span>
          <span className={`${styles.swatch} ${styles.notReachedSwatch}`} />
          {BAR_MARKS.notYet} not yet
        </span>
        <span>dashed line: share needed</span>
      </figcaption>
    </figure>
  );
}
