import CarrierGateway
import CarrierWire
import Foundation
import TocsinCore
import TocsinStorage

/// The segments of a warning's SMS, encoded once per dispatch: the composed text (signature
/// included) in UCS-2 (data coding 8 in every protocol), split with an 8-bit UDH when longer than
/// one message. Each submit only adds the destination and the remaining validity.
struct MessageComposer: Sendable {
    /// One segment without destination.
    struct Part: Sendable {
        var content: [UInt8]
        var hasUDH: Bool
        var segment: OutboundMessage.Segment?
    }

    let parts: [Part]
    let priority: UInt8

    /// - Throws: `DispatchError(.unsendableText)` when the text cannot be encoded or needs more
    ///   than 255 segments.
    init(warning: Warning, dispatchID: Int64, sms: SMSConfiguration) throws {
        let text = sms.compose(warning.smsText, signature: warning.signature)
        let reference = UInt8(truncatingIfNeeded: dispatchID)
        do {
            let segments = try LongMessageSplitter().split(text, coding: .ucs2, concatenation: .udh8(reference: reference))
            parts = segments.map { s in
                Part(content: s.content, hasUDH: s.hasHeader,
                     segment: s.isConcatenated ? OutboundMessage.Segment(reference: UInt16(reference), total: s.total, number: s.number) : nil)
            }
        } catch {
            throw DispatchError(.unsendableText, "the SMS text of \(warning.id) cannot be sent: \(error)")
        }
        // OutboundMessage priority 0 (lowest) … 3 (highest): red 3 … blue 0.
        priority = UInt8(4 - warning.level.rank)
    }

    /// The submits for one recipient, with the validity left until `expires`.
    func messages(to number: Int64, now: Date, expires: Date) -> [OutboundMessage] {
        let validity = Duration.milliseconds(max(0, expires.millis - now.millis))
        let destination = String(number)
        return parts.map { p in
            OutboundMessage(destination: destination, content: p.content, dataCoding: 8, hasUDH: p.hasUDH, segment: p.segment,
                            validity: validity, priority: priority, requestReport: true)
        }
    }
}
