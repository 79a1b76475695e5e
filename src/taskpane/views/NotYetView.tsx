/** A view whose features come in a later version: says so plainly and offers nothing that pretends to work. */
import { Body1, Subtitle2 } from '@fluentui/react-components';

export function NotYetView({ title, note, meanwhile }: { title: string; note: string; meanwhile: string }) {
  return (
    <>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Body1 as="p">{note}</Body1>
      <Body1 as="p">{meanwhile}</Body1>
    </>
  );
}
