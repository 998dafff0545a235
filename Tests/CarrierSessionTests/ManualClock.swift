import Testing
import CarrierSession

/// A clock that only moves when the test says so.
struct ManualClock: Clock {
    struct Instant: InstantProtocol, CustomStringConvertible {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
        var description: String { "t+\(offset)" }
    }

    var now = Instant(offset: .zero)
    var minimumResolution: Duration { .zero }

    /// Never used by the state machines; a manual clock cannot sleep.
    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        throw CancellationError()
    }
}

/// The instant `seconds` after the test clock's zero.
func at(_ seconds: Int) -> ManualClock.Instant { ManualClock.Instant(offset: .seconds(seconds)) }

typealias Machine = SessionStateMachine<UInt32, String, String, ManualClock>
typealias Action = Machine.Action
typealias Event = Machine.Event

/// Small timers so the tables read easily: W 2, T 10 s, N 3, keep-alive every 30 s idle,
/// answered within 10 s, 3 misses; connect 5 s, login 10 s, drain 20 s, terminate 5 s.
let testParameters = SessionParameters(
    windowSize: 2,
    responseTimeout: .seconds(10),
    maxAttempts: 3,
    keepAlive: KeepAliveParameters(interval: .seconds(30), timeout: .seconds(10), maxAttempts: 3),
    connectTimeout: .seconds(5),
    loginTimeout: .seconds(10),
    drainTimeout: .seconds(20),
    terminateTimeout: .seconds(5)
)

/// One row of a scenario: at `second`, feed `event`, expect `actions` (scheduleTick left out;
/// see ``Harness/scheduled``).
struct Step: Sendable, CustomStringConvertible {
    var second: Int
    var event: Event
    var actions: [Action]
    init(_ second: Int, _ event: Event, _ actions: [Action]) {
        self.second = second
        self.event = event
        self.actions = actions
    }
    var description: String { "t+\(second) \(event)" }
}

/// Drives a machine through steps with a manual clock.
struct Harness {
    var machine: Machine
    var clock = ManualClock()
    /// The latest instant the machine asked to be ticked at.
    var scheduled: ManualClock.Instant?

    init(_ parameters: SessionParameters = testParameters) {
        machine = Machine(parameters: parameters)
    }

    /// A harness whose machine is bound at t+0.
    static func bound(_ parameters: SessionParameters = testParameters) -> Harness {
        var harness = Harness(parameters)
        _ = harness.feed(0, .connect)
        _ = harness.feed(0, .connected)
        _ = harness.feed(0, .loginResponse(.accepted))
        return harness
    }

    /// Feeds one event at `second`; returns the actions without scheduleTick.
    mutating func feed(_ second: Int, _ event: Event) -> [Action] {
        clock.now = at(second)
        let all = machine.handle(event, now: clock.now)
        var rest: [Action] = []
        for action in all {
            if case .scheduleTick(let instant) = action { scheduled = instant } else { rest.append(action) }
        }
        return rest
    }

    /// Feeds every step and checks its actions.
    mutating func run(_ steps: [Step], sourceLocation: SourceLocation = #_sourceLocation) {
        for step in steps {
            let actions = feed(step.second, step.event)
            #expect(actions == step.actions, "\(step)", sourceLocation: sourceLocation)
        }
    }
}
