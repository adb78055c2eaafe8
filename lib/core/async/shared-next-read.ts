/**
 * `read` shared by the calls waiting together: a call joins the next read to start, never one
 * already under way (which may have begun before the call, and so miss a commit that preceded it).
 */
export function sharedNextRead<T>(read: () => Promise<T>): () => Promise<T> {
  let waiting: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  let reading = false;
  const start = () => {
    const batch = waiting;
    waiting = [];
    reading = true;
    read()
      .then((value) => batch.forEach((call) => call.resolve(value)), (error: unknown) => batch.forEach((call) => call.reject(error)))
      .finally(() => {
        reading = false;
        if (waiting.length > 0) start();
      });
  };
  return () =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ resolve, reject });
      if (!reading) start();
    });
}
