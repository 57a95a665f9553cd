// The planner's requests one after another: plans and coverage grids are costly work that
// the server runs in a few slots, and a second request waiting too long for one is refused.
let last = Promise.resolve();

export function queued(work) {
  const run = last.then(work, work);
  last = run.catch(() => {});
  return run;
}
