import ArgumentParser
import CarrierWire
import Foundation
import NIOCore

/// `tocsin bench codec`: encode+decode throughput of submit and deliver PDUs per protocol, on the
/// golden vectors of ../shared/protocols (the same bytes the codec tests check).
struct CodecBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "codec", abstract: "Encode+decode PDUs/s for submit and deliver of each protocol.")
    @Option(help: "Round trips per PDU kind.") var iterations = 300_000

    /// (protocol, PDU, hex of the whole PDU) — from the codec tests' golden vectors.
    static let vectors: [(String, String, String)] = [
        ("SMPP", "submit_sm", "0000003d000000040000000000000002000101313233373900010138363133383030313338303030004000000000010008000a0500032a02016d4b8bd5"),
        ("SMPP", "deliver_sm (receipt)", "000000a900000005000000000000004d000101383631333830303133383030300001013132333739000400000000000000006469643a3041314232433344207375623a30303120646c7672643a303031207375626d697420646174653a3235303833303130353620646f6e6520646174653a3235303833303130353720737461743a44454c49565244206572723a30303020746578743a001e00093041314232433344000427000102"),
        ("SGIP", "Submit", "000000a800000003b750981942c4f1d900000002313036313233373900000000000000000000000000000000000000000000000000000000000000000000013836313330303030303030303000000000000000003132333435414c45525400000000000130000000000030000000000000020000000000000000000000000000000000000000000000000000000000000000000100000800000000046d4b8bd50000000000000000"),
        ("SGIP", "Report", "00000040000000050001a41f42c4f22400000009b750981942c4f1d9000000020038363133303030303030303030000000000000000000000000000000000000"),
        ("SGIP", "Deliver (MO)", "00000051000000040001a41f42c4f2240000000a38363133303030303030303030000000000000000031303631323337390000000000000000000000000000000800000004653652300000000000000000"),
        ("SMGP", "Submit", "000000a10000000200000005060103414c45525400000000003030303030303030303030303030080000000000000000000000000000000000000000000000000000000000000000000031303631323337390000000000000000000000000000000000000000000000000000000000000000000001383631333830303133383030300000000000000000046d4b8bd500000000000000000009000101000a000101"),
        ("SMGP", "Deliver (report)", "000000d3000000030000000701006103012001000777010032303033303330313230303130303836313338303031333830303000000000000000003130363132333739000000000000000000000000007a69643a01006101161700012345207375623a30303120646c7672643a303031207375626d697420646174653a3033303330313230303020646f6e6520646174653a3033303330313230303120737461743a44454c49565244206572723a30303020746578743a3030346d4b8bd5000000000000000000000000000000000000000000"),
    ]

    func run() async throws {
        print("PDU round trips (decode the wire bytes, encode the value again), \(iterations) per row, one core:")
        print("protocol  pdu                    bytes   round trips/s   ns/round trip")
        for (proto, pdu, hex) in Self.vectors {
            let bytes = Self.bytes(hex)
            let rate: Double
            switch proto {
            case "SMPP": rate = try measure(SMPP.self, bytes)
            case "SGIP": rate = try measure(SGIP.self, bytes)
            case "SMGP": rate = try measure(SMGP.self, bytes)
            default: continue
            }
            print(String(format: "%-9@ %-22@ %5d   %13.0f   %13.0f", proto as NSString, pdu as NSString, bytes.count, rate, 1e9 / rate))
        }
    }

    /// Round trips per second; checks that every round trip reproduces the bytes exactly.
    func measure<P: WireProtocol>(_ p: P.Type, _ bytes: [UInt8]) throws -> Double {
        let original = ByteBuffer(bytes: bytes)
        var out = ByteBuffer()
        out.reserveCapacity(bytes.count)
        // Warm up and verify.
        let first = try P.decode(bytes: bytes)
        try P.encode(first, into: &out)
        guard out == original else { throw ValidationError("\(P.name): re-encoding did not reproduce the golden bytes") }
        let start = ContinuousClock.now
        for _ in 0..<iterations {
            var frame = original
            let packet = try P.decode(frame: &frame)
            out.clear()
            try P.encode(packet, into: &out)
        }
        let elapsed = ContinuousClock.now - start
        guard out == original else { throw ValidationError("\(P.name): round trip changed the bytes") }
        return Double(iterations) / elapsed.seconds
    }

    static func bytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            out.append(UInt8(hex[i..<j], radix: 16)!)
            i = j
        }
        return out
    }
}
