/**
 * Several colleagues' copies chosen at once: how each compared, one rule for where a copy
 * disagrees with what is already there (join the texts, or take the later copy), how many
 * criteria that changes, and the one button that writes. Per-criterion choices are for a single
 * copy; with many, the rule keeps the decision to one that can be explained to a board.
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { ManyRule } from '../../../domain/index';
import type { ComparedMany } from '../../combine/combineModule';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
  file: { overflowWrap: 'anywhere' },
  group: { display: 'grid', gap: tokens.spacingVerticalS },
});

const RULE_WORDS: Readonly<Record<ManyRule, string>> = {
  both: 'Join the texts (keep the rating already here)',
  theirs: 'Take the copy’s answer (a later file wins over an earlier one)',
};

interface Props {
  readonly compared: ComparedMany;
  readonly onRule: (rule: ManyRule) => void;
  readonly onCombine: () => void;
  readonly busy: boolean;
}

export function CombineMany({ compared, onRule, onCombine, busy }: Props) {
  const styles = useStyles();
  const ruleId = useId();
  const changing = compared.criteria.filter((c) => c.state === 'new' || c.state === 'conflict').length;
  return (
    <div className={styles.group} data-testid="combine-many">
      <Body1 as="p" data-testid="combine-many-summary">
        {compared.copies.length} copies read, in the order listed. Combined, they change {changing}{' '}
        {changing === 1 ? 'criterion' : 'criteria'} of this workbook.
      </Body1>
      <Table size="extra-small" aria-label="How each copy compared" className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Copy</TableHeaderCell>
            <TableHeaderCell>New</TableHeaderCell>
            <TableHeaderCell>Differs</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {compared.perCopy.map((c, i) => {
            const copy = compared.copies[i];
            return (
              <TableRow key={c.name}>
                <TableCell className={styles.file}>
                  {c.name}
                  {copy ? (
                    <Caption1 as="span">
                      {' '}
                      ({copy.organisation || 'no organisation named'}, {copy.period || 'no period'})
                    </Caption1>
                  ) : null}
                </TableCell>
                <TableCell>{c.counts.new}</TableCell>
                <TableCell>{c.counts.conflict}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Caption1 as="p">
        “New” fills a criterion nobody had answered before that copy; “Differs” is where it disagrees with
        what this workbook and the copies above it gave.
      </Caption1>
      <div role="group" aria-labelledby={ruleId}>
        <Body1 as="p" id={ruleId}>
          Where a copy differs:
        </Body1>
        <RadioGroup
          value={compared.rule}
          onChange={(_, data) => onRule(data.value as ManyRule)}
          aria-labelledby={ruleId}
        >
          {(Object.keys(RULE_WORDS) as ManyRule[]).map((rule) => (
            <Radio key={rule} value={rule} label={RULE_WORDS[rule]} disabled={busy} />
          ))}
        </RadioGroup>
      </div>
      <div>
        <Button appearance="primary" disabled={busy || changing === 0} onClick={onCombine}>
          {`Combine: change ${changing} ${changing === 1 ? 'criterion' : 'criteria'}`}
        </Button>
      </div>
      <Caption1 as="p">
        What is replaced here is kept in the Archived responses sheet; the copies’ files are only read.
      </Caption1>
    </div>
  );
}
