// What the "specialized" body states (BulletList, FieldList, Explicit, ...) share: docutils'
// SpecializedBody, where every transition but the enabled ones ends the state machine.
import { Correction, Machine, StateName } from './machine';
import { T_BLANK, matchBody } from './patterns';

export type Handler = (sm: Machine) => StateName | Correction | null;

/** SpecializedBody.invalid_input: back up so the parent state machine can reassess, and stop. */
export function invalidInput(sm: Machine): null {
  sm.previousLine();
  return null;
}

/** A blank line does nothing (StateWS.blank); skip the rest of a run of blank lines at once. */
export function skipBlankRun(sm: Machine): void {
  if (sm.lineOffset < 1) return;
  const next = Math.min(sm.doc.nextNonBlank[sm.absLineOffset()], sm.view.end);
  sm.lineOffset = next - sm.start - 1;
}

/**
 * The check of a SpecializedBody state (BulletList, FieldList, Explicit, ...): every Body
 * transition ends the state machine except blank lines (unless `blankEnds`) and the enabled ones.
 */
export function specializedCheck(
  sm: Machine,
  only: number,
  self: StateName,
  enabled: Partial<Record<number, Handler>>,
  blankEnds = false,
): StateName | Correction | null {
  const t = matchBody(sm.line!, only);
  if (t === T_BLANK && !blankEnds) {
    skipBlankRun(sm);
    return self;
  }
  const handler = enabled[t];
  return handler ? handler(sm) : invalidInput(sm);
}
