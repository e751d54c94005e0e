import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Question, Quiz } from '../content/quizFile.js';

/**
 * The draw of one attempt: which questions are asked and in which order their options appear.
 *
 * Why derived and not stored: the draw is a keyed hash (HMAC with a secret kept in the data folder)
 * of who takes which step, the quiz as it is, and the attempt's number (recorded attempts + 1). So
 * asking again before submitting gives the same questions (no re-rolling for easier ones), each
 * submitted attempt moves to a new draw, and no new database collection is needed. The learner never
 * chooses or sees the key; the answers they send are graded against the draw the core recomputes.
 */
export interface DrawnQuestion {
  question: Question;
  /** Shown option k is the file's option `order[k]`; null keeps the file's order. */
  order: number[] | null;
}
export interface Draw { attemptId: string; attempt: number; questions: DrawnQuestion[] }
export interface DrawContext { profileId: string; trackId: string; stepId: string }

const SECRET_FILE = 'quiz-draw-key';

/** The data folder's draw key, created on first use (0600, like the team credentials). */
export function drawSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  } catch { /* first use: created below */ }
  const key = crypto.randomBytes(32);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, key.toString('hex'), { mode: 0o600 });
  fs.renameSync(tmp, file);
  return key;
}

/** Uniform integers in [0, n) from a seed: HMAC in counter mode, rejection-free enough for n ≤ 300. */
function randomInts(seed: Buffer) {
  let counter = 0;
  return (n: number) => {
    const h = crypto.createHmac('sha256', seed).update(String(counter++)).digest();
    return Number(h.readBigUInt64BE(0) % BigInt(n));
  };
}

function shuffled<T>(items: T[], next: (n: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = next(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The draw for attempt number `attempt`. A quiz without `draw` and `shuffle_options` asks every
 * question in the file's order, as before these settings existed.
 */
export function drawAttempt(secret: Buffer, quiz: Quiz, ctx: DrawContext, attempt: number): Draw {
  const seed = crypto.createHmac('sha256', secret).update([ctx.profileId, ctx.trackId, ctx.stepId, quiz.id, quiz.hash, attempt].join('\n')).digest();
  const next = randomInts(seed);
  const indexes = quiz.questions.map((_, i) => i);
  // Drawn questions keep the file's order: a trainer's "easy first" sequence survives the draw.
  const picked = quiz.draw === null ? indexes : shuffled(indexes, next).slice(0, quiz.draw).sort((a, b) => a - b);
  const questions = picked.map((i) => {
    const question = quiz.questions[i];
    const order = quiz.shuffleOptions && question.type !== 'truefalse' ? shuffled(question.options.map((_, k) => k), next) : null;
    return { question, order };
  });
  const attemptId = `${attempt}-${seed.subarray(0, 8).toString('hex')}`;
  return { attemptId, attempt, questions };
}

/** A shown answer (option positions as the learner saw them) in the file's option numbers. */
export function toFileAnswer<A extends number | number[] | boolean>(given: A, order: number[] | null): A | undefined {
  if (order === null || typeof given === 'boolean') return given;
  const map = (k: number) => (k >= 0 && k < order.length ? order[k] : -1);
  if (Array.isArray(given)) {
    const mapped = given.map(map);
    return (mapped.some((k) => k < 0) ? undefined : mapped.sort((a, b) => a - b)) as A | undefined;
  }
  const k = map(given as number);
  return (k < 0 ? undefined : k) as A | undefined;
}

/** A file answer (option numbers of the file) as the positions the learner saw. */
export function toShownAnswer<A extends number | number[] | boolean>(answer: A, order: number[] | null): A {
  if (order === null || typeof answer === 'boolean') return answer;
  const pos = (k: number) => order.indexOf(k);
  return (Array.isArray(answer) ? answer.map(pos).sort((a, b) => a - b) : pos(answer as number)) as A;
}
