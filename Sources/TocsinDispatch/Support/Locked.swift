import Foundation

/// A value behind a lock, for state shared by the dispatcher's tasks. Critical sections are a few
/// field updates; nothing awaits while holding it.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    @discardableResult
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// A wake-up for one waiting task: `fire()` wakes the waiter, or the next `wait()` if none waits.
/// Several fires before a wait collapse into one.
final class Signal: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = false
    private var waiter: CheckedContinuation<Void, Never>?

    func fire() {
        lock.lock()
        if let w = waiter {
            waiter = nil
            lock.unlock()
            w.resume()
        } else {
            pending = true
            lock.unlock()
        }
    }

    /// Waits for a fire, or at most `timeout`.
    func wait(timeout: Duration? = nil) async {
        let timer = timeout.map { t in Task { [weak self] in
            guard (try? await Task.sleep(for: t)) != nil else { return }
            self?.fire()
        } }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.lock()
            if pending {
                pending = false
                lock.unlock()
                c.resume()
            } else {
                waiter = c
                lock.unlock()
            }
        }
        timer?.cancel()
    }
}
