import Testing
@testable import CarrierWire

/// Multi-unit characters placed at every position around each cut: they must stay whole.
@Suite struct SplitBoundaryTests {
    let splitter = LongMessageSplitter()

    /// Each segment decodes on its own without U+FFFD, fits its capacity, and the segments
    /// together give the text back.
    func checkSegments(_ text: String, coding: TextCoding, concatenation: Concatenation) throws {
        let segments = try splitter.split(text, coding: coding, concatenation: concatenation)
        let capacity = segments.count == 1 ? coding.singleMessageCapacity : coding.segmentCapacity(concatenation.form)
        var joined = ""
        for segment in segments {
            let part = coding.decode(segment.payload)
            #expect(!part.unicodeScalars.contains("\u{FFFD}"), "segment \(segment.number) cut a character")
            #expect(segment.payload.count <= capacity)
            joined += part
        }
        #expect(joined == text)
        #expect(try splitter.segmentCount(text, coding: coding, form: concatenation.form) == segments.count)
    }

    @Test func surrogatePairsAtEveryBoundary() throws {
        for prefix in 0...140 {
            let text = String(repeating: "预", count: prefix) + "😀" + String(repeating: "警", count: 80)
            try checkSegments(text, coding: .ucs2, concatenation: .udh8(reference: 1))
            try checkSegments(text, coding: .ucs2, concatenation: .udh16(reference: 1))
        }
    }

    @Test func allEmojiText() throws {
        let text = String(repeating: "😀", count: 100)  // 200 UTF-16 units
        let segments = try splitter.split(text, coding: .ucs2, concatenation: .udh8(reference: 1))
        #expect(segments.map { $0.payload.count / 4 } == [33, 33, 33, 1])
        try checkSegments(text, coding: .ucs2, concatenation: .udh8(reference: 1))
    }

    @Test func gb18030FourByteCharactersAtEveryBoundary() throws {
        for prefix in 0...140 {
            let text = String(repeating: "预", count: prefix) + "😀\u{80}" + String(repeating: "a警", count: 40)
            try checkSegments(text, coding: .gb18030, concatenation: .udh8(reference: 1))
            try checkSegments(text, coding: .gb18030, concatenation: .udh16(reference: 1))
        }
    }

    @Test func gbkOddOffsetsDoNotSplitCharacters() throws {
        let text = "a" + String(repeating: "预", count: 70)  // 141 bytes
        let segments = try splitter.split(text, coding: .gbk, concatenation: .udh8(reference: 1))
        #expect(segments.map(\.payload.count) == [133, 8])
        try checkSegments(text, coding: .gbk, concatenation: .udh8(reference: 1))
    }

    @Test func gsmEscapePairsAtEveryBoundary() throws {
        for prefix in 140...165 {
            let text = String(repeating: "a", count: prefix) + "€{" + String(repeating: "b", count: 150) + "]"
            try checkSegments(text, coding: .gsm7, concatenation: .udh8(reference: 1))
            try checkSegments(text, coding: .gsm7, concatenation: .udh16(reference: 1))
        }
        // 153 septets with the escape's second half in position 154 → the pair moves whole.
        let text = String(repeating: "a", count: 152) + "€" + String(repeating: "b", count: 10)
        let segments = try splitter.split(text, coding: .gsm7, concatenation: .udh8(reference: 1))
        #expect(segments[0].payload.count == 152 && segments[0].payload.last == 0x61)
        #expect(Array(segments[1].payload.prefix(2)) == [0x1B, 0x65])
    }
}
