/** A FIFO concurrency limit for tasks (files in flight). FIFO matters: see execute.ts's reservation chains. */
export function createLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const queue: (() => void)[] = []
  const next = () => {
    if (active >= max) return
    const run = queue.shift()
    if (run) {
      active++
      run()
    }
  }
  return task =>
    new Promise((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--
            next()
          })
      })
      next()
    })
}
