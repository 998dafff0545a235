import Testing
@testable import CarrierWire

/// Checks the generated table against CPython's gb18030 codec through the vectors and
/// checksums that scripts/gen-gbk-table.py wrote into GB18030Vectors.generated.swift.
@Suite struct GB18030TableTests {
    @Test func twoByteTableMatchesGenerator() {
        #expect(GB18030Table.twoByteCells.count == 126 * 190)
        let packed = GB18030Table.twoByteCells.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(fnv1a64(packed) == GB18030Vectors.twoByteChecksum)
    }

    @Test func everyTwoByteCodeRoundTrips() {
        var failures = 0
        for lead in UInt8(0x81)...0xFE {
            for trail in Array(UInt8(0x40)...0x7E) + Array(UInt8(0x80)...0xFE) {
                let text = GB18030.decode([lead, trail])
                let scalars = Array(text.unicodeScalars)
                if scalars.count != 1 || scalars[0] == "\u{FFFD}" || GB18030.encode(text) != [lead, trail] {
                    failures += 1
                }
            }
        }
        #expect(failures == 0)
    }

    @Test func bmpEncodingMatchesGenerator() {
        var encoded: [UInt8] = []
        var text = String.UnicodeScalarView()
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
            _ = GB18030.append(scalar, to: &encoded, allowFourByte: true)
            text.append(scalar)
        }
        #expect(fnv1a64(encoded) == GB18030Vectors.bmpEncodingChecksum)
        // And every BMP scalar decodes back, the four-byte ranges included.
        #expect(GB18030.decode(encoded) == String(text))
    }

    @Test func spotVectors() {
        let lines = GB18030Vectors.spots.split(separator: "\n")
        #expect(lines.count > 500)
        for line in lines {
            let fields = line.split(separator: " ")
            guard fields.count == 2, let value = UInt32(fields[1], radix: 16), let scalar = Unicode.Scalar(value) else {
                Issue.record("bad vector line \(line)")
                continue
            }
            let bytes = hexBytes(String(fields[0]))
            #expect(GB18030.encode(String(scalar)) == bytes, "\(line)")
            #expect(GB18030.decode(bytes) == String(scalar), "\(line)")
        }
    }

    @Test func supplementaryPlanesAreAlgorithmic() {
        var generator = SplitMix64(seed: 0x10000)
        for _ in 0..<500 {
            guard let scalar = Unicode.Scalar(UInt32.random(in: 0x1_0000...0x10_FFFF, using: &generator)) else { continue }
            let bytes = GB18030.encode(String(scalar))
            #expect(bytes.count == 4 && (0x90...0xE3).contains(bytes[0]))
            #expect(GB18030.decode(bytes) == String(scalar))
        }
    }

    @Test func base64DecoderHandlesPaddingAndWhitespace() {
        #expect(GB18030Table.decodeBase64("TWFu") == Array("Man".utf8))
        #expect(GB18030Table.decodeBase64("TW\n  E=") == Array("Ma".utf8))
        #expect(GB18030Table.decodeBase64("TQ==") == Array("M".utf8))
    }
}
