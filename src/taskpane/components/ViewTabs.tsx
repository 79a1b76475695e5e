/**
 * The pane's row of view tabs: the WAI-ARIA tabs pattern with manual activation, drawn like
 * Fluent UI's small, transparent Tab (its tokens, its selected bar, its focus ring).
 *
 * Why not Fluent's TabList and Tab: they bring tabster, Fluent's focus-management library, for
 * their arrow keys (about 85 KB of minified JavaScript before the first view, where nothing else
 * needs it), and the tabs are the first view's only control. Measured in the first-view benchmark
 * (bench/README.md, issue 25), they were most of the gap to a plain Fluent pane. Five tabs need
 * only what is here, and behave as Fluent's do:
 * - one tab stop: Tab enters on the selected tab and leaves the row (a roving tabindex);
 * - Left and Right arrows move the focus along the row, round from the last to the first; Home and
 *   End go to the first and the last; moving never selects (as in Fluent's TabList);
 * - Enter, Space or a click selects (each tab is a native button).
 */
import {
  createCustomFocusIndicatorStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';

export interface ViewTab<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

export interface ViewTabsProps<Id extends string> {
  readonly tabs: readonly ViewTab<Id>[];
  readonly selected: Id;
  readonly onSelect: (id: Id) => void;
  readonly 'aria-label': string;
  /** The id of the panel every tab controls. */
  readonly controls: string;
  readonly className?: string;
}

/** The element id of a tab, which its panel names in aria-labelledby. */
export function tabElementId(id: string): string {
  return `tab-${id}`;
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'row',
    // Wrapping, never sideways scrolling, when a larger text size makes the row too wide.
    flexWrap: 'wrap',
    alignItems: 'stretch',
    position: 'relative',
  },
  tab: {
    position: 'relative',
    display: 'grid',
    flexShrink: 0,
    alignItems: 'center',
    justifyContent: 'center',
    // Fluent's small tab: 6 px above and below; 4 px a side here (Fluent has 6) so that the five
    // tabs fit on one row in Office's narrowest pane (320 px).
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
    outlineStyle: 'none',
    ':hover': {
      backgroundColor: tokens.colorTransparentBackgroundHover,
      color: tokens.colorNeutralForeground2Hover,
    },
    ':active': {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      color: tokens.colorNeutralForeground2Pressed,
    },
    // The bar under a tab: grey while the pointer is over an unselected tab, brand when selected.
    '::before': {
      content: '""',
      position: 'absolute',
      bottom: 0,
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      height: tokens.strokeWidthThick,
      borderRadius: tokens.borderRadiusCircular,
    },
    ':hover::before': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active::before': { backgroundColor: tokens.colorNeutralStroke1Pressed },
    '@media (forced-colors: active)': {
      ':hover::before': { backgroundColor: 'Highlight' },
      ':active::before': { backgroundColor: 'Highlight' },
    },
  },
  // Fluent's focus ring (shown for the keyboard only: FluentProvider marks keyboard focus).
  focus: createCustomFocusIndicatorStyle(
    {
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: 'transparent',
      outlineStyle: 'solid',
      boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
      zIndex: 1,
    },
    { enableOutline: true },
  ),
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    '::before': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::before': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ':active::before': { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    '@media (forced-colors: active)': {
      '::before': { backgroundColor: 'ButtonText' },
      ':hover::before': { backgroundColor: 'ButtonText' },
      ':active::before': { backgroundColor: 'ButtonText' },
    },
  },
  // The label and, hidden under it, the same label in bold: each tab is as wide as its selected
  // self, so selecting one never moves the others (Fluent's tabs reserve the space the same way).
  label: { gridArea: '1 / 1', padding: `0 ${tokens.spacingHorizontalXXS}` },
  reserved: {
    gridArea: '1 / 1',
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    fontWeight: tokens.fontWeightSemibold,
    visibility: 'hidden',
  },
});

/** Where an arrow, Home or End key moves the focus from tab `from` of `count`, or null. */
export function focusTarget(key: string, from: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (from + 1) % count;
    case 'ArrowLeft':
      return (from - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function ViewTabs<Id extends string>(props: ViewTabsProps<Id>) {
  const { tabs, selected, onSelect, controls, className } = props;
  const styles = useStyles();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = focusTarget(event.key, index, tabs.length);
    if (target === null) return;
    event.preventDefault();
    buttons.current[target]?.focus();
  };

  return (
    <div role="tablist" aria-label={props['aria-label']} className={mergeClasses(styles.list, className)}>
      {tabs.map((tab, index) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={tabElementId(tab.id)}
            aria-selected={isSelected}
            aria-controls={controls}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, styles.focus, isSelected && styles.selected)}
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span className={styles.label}>{tab.label}</span>
            <span className={styles.reserved} aria-hidden="true">
              {tab.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
