@testable import CarrierGateway
import NIOCore
import NIOPosix
import Dispatch
import Synchronization
import Testing

/// The inbox that hands submits and report answers to an account's loop in batches.
@Suite(.timeLimit(.minutes(1)))
struct LoopInboxTests {
    @Test func itemsPostedBeforeTheLoopRunsAreDrainedInOnePassInOrderExceptThoseWithdrawn() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let drained = Mutex<[[Int]]>([])
        let inbox = LoopInbox<Int>(loop: loop) { items in drained.withLock { $0.append(items) } }
        // Hold the loop so nothing is drained while posting.
        let release = DispatchSemaphore(value: 0)
        let held = Atomic<Bool>(false)
        loop.execute { held.store(true, ordering: .sequentiallyConsistent); release.wait() }
        while !held.load(ordering: .sequentiallyConsistent) { try await Task.sleep(for: .milliseconds(1)) }
        for i in 0..<100 { inbox.post(i) }
        #expect(inbox.withdraw(where: { $0 == 42 }) == 42)
        #expect(inbox.withdraw(where: { $0 == 42 }) == nil, "an item is withdrawn once")
        release.signal()
        try await loop.submit {}.get()  // runs after the drain the first post scheduled
        #expect(drained.withLock { $0 } == [Array(0..<100).filter { $0 != 42 }])
        // After a pass, the next post schedules the next one.
        inbox.post(100)
        try await loop.submit {}.get()
        #expect(drained.withLock { $0 }.last == [100])
        #expect(inbox.withdraw(where: { $0 == 100 }) == nil, "a drained item cannot be withdrawn")
        try await group.shutdownGracefully()
    }
}
