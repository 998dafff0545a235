import CarrierWire
import Metrics

/// A connection's swift-metrics instruments. Labels are bounded: `carrier`, `link` and a result
/// class — never a phone number or a message id (STYLE.md habit 9). The Prometheus backend is
/// bootstrapped in `main` only; without it these are no-ops.
struct LinkMetrics {
    private let answers: [RetryClass: Counter]
    private let failures: [String: Counter]
    private let reports: [StatusReport.Outcome: Counter]
    private let latency: Timer
    private let reconnects: Counter
    private let deferredReports: Counter
    private let mo: Counter
    private let inFlight: Gauge

    init(carrier: String, link: String) {
        let base = [("carrier", carrier), ("link", link)]
        answers = Dictionary(uniqueKeysWithValues: RetryClass.allCases.map {
            ($0, Counter(label: "tocsin_gateway_submit_answers_total", dimensions: base + [("result", $0.rawValue)]))
        })
        failures = Dictionary(uniqueKeysWithValues: ["safe", "may_duplicate"].map {
            ($0, Counter(label: "tocsin_gateway_submit_failures_total", dimensions: base + [("result", $0)]))
        })
        reports = Dictionary(uniqueKeysWithValues: StatusReport.Outcome.allCases.map {
            ($0, Counter(label: "tocsin_gateway_reports_total", dimensions: base + [("result", $0.rawValue)]))
        })
        latency = Timer(label: "tocsin_gateway_submit_latency", dimensions: base)
        reconnects = Counter(label: "tocsin_gateway_reconnects_total", dimensions: base)
        deferredReports = Counter(label: "tocsin_gateway_reports_deferred_total", dimensions: base)
        mo = Counter(label: "tocsin_gateway_mo_total", dimensions: base)
        inFlight = Gauge(label: "tocsin_gateway_in_flight", dimensions: base)
    }

    func answered(_ outcome: SubmitOutcome, after latency: Duration) {
        answers[outcome.retryClass]?.increment()
        self.latency.recordNanoseconds(latency.nanoseconds)
    }

    func failed(_ error: SubmitError) {
        failures[error.retry == .safe ? "safe" : "may_duplicate"]?.increment()
    }

    func report(_ outcome: StatusReport.Outcome) { reports[outcome]?.increment() }
    func reportDeferred() { deferredReports.increment() }
    func moReceived() { mo.increment() }
    func reconnect() { reconnects.increment() }
    func inFlight(_ count: Int) { inFlight.record(count) }
}
