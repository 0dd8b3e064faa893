import { useState } from 'react';
import { Empty, ErrorMessage, QueryView } from '../components/DataState';
import { useHouseholdId } from '../household/HouseholdLayout';
import { useBook, useCancel, useConsultations, useMatches, useReschedule, useReview, useSlots } from './queries';
import { browserTimeZone, clockTime, stars } from './time';

const SPECIALITIES = ['retirement', 'tax', 'estate', 'investing', 'insurance', 'debt', 'education', 'budgeting'];

/**
 * Find an advisor and book a consultation (docs/advisors.md): verified advisors ranked for this household with the
 * reasons, their free slots on this browser's clock, the household's consultations (cancel or move until 24 hours
 * before, review after).
 */
export function AdvisorsPage() {
  const householdId = useHouseholdId();
  const timeZone = browserTimeZone();
  return (
    <>
      <h1>Advisors</h1>
      <p className="text-sm text-slate-700">
        Times are shown on your clock ({timeZone}). Booking lets the advisor read this household until a day after the consultation unless you untick it.
      </p>
      <FindSection householdId={householdId} timeZone={timeZone} />
      <ConsultationsSection householdId={householdId} timeZone={timeZone} />
    </>
  );
}

function FindSection({ householdId, timeZone }: { householdId: string; timeZone: string }) {
  const [need, setNeed] = useState('');
  const [language, setLanguage] = useState('');
  const matches = useMatches(householdId, need, language);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="card space-y-3" aria-labelledby="find-heading">
      <h2 id="find-heading">Find an advisor</h2>
      <div className="flex flex-wrap gap-3 text-sm">
        <label>
          Need{' '}
          <select value={need} onChange={(e) => setNeed(e.target.value)}>
            <option value="">Any (from your household)</option>
            {SPECIALITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Language{' '}
          <input value={language} maxLength={2} size={3} placeholder="en" onChange={(e) => setLanguage(e.target.value.trim().toLowerCase())} />
        </label>
      </div>
      <QueryView query={matches} loadingLabel="Finding advisors…">
        {(m) => (
          <>
            <p className="text-sm" data-testid="needs">
              {m.needs.length === 0 ? 'No need found in this household yet.' : `Your needs: ${m.needs.map((n) => `${n.speciality} (${n.because})`).join('; ')}.`}
            </p>
            {m.advisors.length === 0 ? (
              <Empty>No verified advisor matches yet.</Empty>
            ) : (
              <ol className="space-y-3" data-testid="advisor-matches">
                {m.advisors.map((a) => (
                  <li key={a.advisor.advisorId} className="rounded border border-slate-200 p-3">
                    <h3>
                      {a.rank}. {a.advisor.displayName} <span className="text-sm text-slate-600">score {a.score.toFixed(2)}</span>
                    </h3>
                    <p className="text-sm">
                      {a.advisor.specialities.join(', ')} · {a.advisor.credentials} · speaks {a.advisor.languages.join(', ')} · {a.advisor.feeModel}
                      {a.advisor.feeNote ? ` (${a.advisor.feeNote})` : ''} · {a.reviews > 0 && a.averageRating != null ? `${stars(a.averageRating)} ${a.reviews}` : 'no reviews yet'}
                    </p>
                    <ul className="list-disc pl-5 text-xs text-slate-700" aria-label={`Why ${a.advisor.displayName} ranks here`}>
                      {a.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                    {open === a.advisor.advisorId ? (
                      <Slots householdId={householdId} advisorId={a.advisor.advisorId} timeZone={timeZone} need={need} onDone={() => setOpen(null)} />
                    ) : (
                      <button type="button" className="btn mt-2" onClick={() => setOpen(a.advisor.advisorId)}>
                        See free times with {a.advisor.displayName}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function Slots({ householdId, advisorId, timeZone, need, onDone }: { householdId: string; advisorId: string; timeZone: string; need: string; onDone: () => void }) {
  const [from, setFrom] = useState('');
  const slots = useSlots(householdId, advisorId, timeZone, from);
  const book = useBook(householdId);
  const [share, setShare] = useState(true);
  return (
    <div className="mt-2 space-y-2">
      <label className="text-sm">
        <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} /> Let the advisor read this household for the consultation
      </label>
      <label className="block text-sm">
        <span className="label">Show free times from</span>
        <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} /> <span className="text-xs text-slate-600">(14 days; empty: from now)</span>
      </label>
      {book.isError && <ErrorMessage error={book.error} title="The slot was not booked" />}
      <QueryView query={slots} loadingLabel="Loading free times…">
        {(s) =>
          s.slots.length === 0 ? (
            <Empty>{from ? `No free time in the 14 days from ${from}.` : 'No free time in the next 14 days.'}</Empty>
          ) : (
            <ul className="flex flex-wrap gap-2" data-testid="slots">
              {s.slots.slice(0, 24).map((slot) => (
                <li key={slot.startUtc}>
                  <button
                    type="button"
                    className="btn"
                    disabled={book.isPending}
                    title={`${clockTime(slot.startUtc, s.advisorTimeZone)} for the advisor (${s.advisorTimeZone})`}
                    onClick={() =>
                      book.mutate({ advisorId, startUtc: slot.startUtc, timeZone, need: need || undefined, shareHousehold: share }, { onSuccess: onDone })
                    }
                  >
                    Book {clockTime(slot.startUtc, timeZone)}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </div>
  );
}

function ConsultationsSection({ householdId, timeZone }: { householdId: string; timeZone: string }) {
  const consultations = useConsultations(householdId);
  const cancel = useCancel(householdId);
  const reschedule = useReschedule(householdId);
  const [moving, setMoving] = useState<{ id: string; advisorId: string } | null>(null);
  const movingSlots = useSlots(householdId, moving?.advisorId ?? null, timeZone);
  const [now] = useState(() => Date.now());
  return (
    <section className="card space-y-3" aria-labelledby="consultations-heading">
      <h2 id="consultations-heading">Your consultations</h2>
      {cancel.isError && <ErrorMessage error={cancel.error} title="The consultation was not cancelled" />}
      {reschedule.isError && <ErrorMessage error={reschedule.error} title="The consultation was not moved" />}
      <QueryView query={consultations} loadingLabel="Loading consultations…">
        {(list) =>
          list.length === 0 ? (
            <Empty>No consultation booked yet.</Empty>
          ) : (
            <ul className="space-y-2" data-testid="consultations">
              {list.map((c) => {
                const changeable = c.status === 'booked' && new Date(c.changeableUntilUtc).getTime() > now;
                return (
                  <li key={c.id} className="rounded border border-slate-200 p-3 text-sm" data-testid="consultation">
                    <p>
                      <strong>{c.advisorName}</strong>, {clockTime(c.startUtc, timeZone)} ({c.status})
                      {c.need ? ` about ${c.need}` : ''}
                    </p>
                    <p className="text-xs text-slate-600">
                      {clockTime(c.startUtc, c.advisorTimeZone)} for the advisor ({c.advisorTimeZone}).{' '}
                      {c.grantExpiresUtc ? `The advisor may read this household until ${clockTime(c.grantExpiresUtc, timeZone)}.` : 'The advisor cannot read this household.'}
                    </p>
                    {changeable && (
                      <p className="mt-1 flex gap-2">
                        <button type="button" className="btn" onClick={() => cancel.mutate(c.id)}>
                          Cancel
                        </button>
                        <button type="button" className="btn" onClick={() => setMoving({ id: c.id, advisorId: c.advisorId })}>
                          Move
                        </button>
                      </p>
                    )}
                    {c.status === 'booked' && !changeable && !c.reviewable && !c.review && (
                      <p className="text-xs">Less than 24 hours before the start it can no longer be cancelled or moved.</p>
                    )}
                    {moving?.id === c.id && (
                      <QueryView query={movingSlots} loadingLabel="Loading free times…">
                        {(s) => (
                          <ul className="mt-2 flex flex-wrap gap-2" aria-label="New time">
                            {s.slots.slice(0, 24).map((slot) => (
                              <li key={slot.startUtc}>
                                <button
                                  type="button"
                                  className="btn"
                                  onClick={() => reschedule.mutate({ consultationId: c.id, startUtc: slot.startUtc }, { onSuccess: () => setMoving(null) })}
                                >
                                  Move to {clockTime(slot.startUtc, timeZone)}
                                </button>
                              </li>
                            ))}
                          </ul>
                        )}
                      </QueryView>
                    )}
                    {c.review ? (
                      <p className="mt-1">
                        Your review: {stars(c.review.rating)} {c.review.comment}
                      </p>
                    ) : (
                      c.reviewable && <ReviewForm householdId={householdId} consultationId={c.id} />
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function ReviewForm({ householdId, consultationId }: { householdId: string; consultationId: string }) {
  const review = useReview(householdId);
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  return (
    <form
      className="mt-2 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        review.mutate({ consultationId, rating, comment });
      }}
    >
      <label>
        Rating{' '}
        <select value={rating} onChange={(e) => setRating(Number(e.target.value))}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        Comment <input value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" className="btn" disabled={review.isPending}>
        Send review
      </button>
      {review.isError && <ErrorMessage error={review.error} title="The review was not saved" />}
    </form>
  );
}
