/** Moves an item inside a list (drag and drop, or the up/down buttons). */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

export interface StepPos { phase: number; index: number }

/**
 * Moves a step between phases: `to.index` is where it lands in the target phase. Used by both the
 * drag handle and the keyboard buttons (which cross into the neighbouring phase at either end).
 */
export function moveStep<S, P extends { steps: S[] }>(phases: P[], from: StepPos, to: StepPos): P[] {
  const next = phases.map((p) => ({ ...p, steps: [...p.steps] }));
  const [step] = next[from.phase].steps.splice(from.index, 1);
  const target = next[to.phase].steps;
  target.splice(Math.max(0, Math.min(to.index, target.length)), 0, step);
  return next;
}

/** Where the up/down buttons send a step; null at the very top or bottom of the track. */
export function neighbour(phases: Array<{ steps: unknown[] }>, at: StepPos, dir: -1 | 1): StepPos | null {
  const n = phases[at.phase].steps.length;
  if (dir === -1 && at.index > 0) return { phase: at.phase, index: at.index - 1 };
  if (dir === 1 && at.index < n - 1) return { phase: at.phase, index: at.index + 1 };
  if (dir === -1 && at.phase > 0) return { phase: at.phase - 1, index: phases[at.phase - 1].steps.length };
  if (dir === 1 && at.phase < phases.length - 1) return { phase: at.phase + 1, index: 0 };
  return null;
}
