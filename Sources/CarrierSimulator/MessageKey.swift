/// What makes two accepted messages duplicates — the same destination and the same content — in
/// 16 bytes: the destination as an integer (a hash when it is not all digits) and a 64-bit FNV-1a
/// hash of the content bytes. Keeping the number string and the bytes themselves cost about
/// 200 bytes per accepted message, which was most of the peak memory of a million-message
/// `bench dispatch` (the index keeps every message of the run). Two different texts to the same
/// number would have to collide in 64 bits to be miscounted as a duplicate.
struct MessageKey: Hashable {
    let destination: UInt64
    let content: UInt64

    init(destination: String, content: [UInt8]) {
        var number: UInt64 = 0
        let utf8 = destination.utf8
        let digits = (1...18).contains(utf8.count) && utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if digits { for b in utf8 { number = number * 10 + UInt64(b - 0x30) } }
        // Other destinations (several SGIP user numbers joined, alphanumeric SMPP addresses) hash
        // into the top half, which no number of up to 18 digits reaches.
        self.destination = digits ? number : (Self.fnv1a(utf8) | 1 << 63)
        self.content = Self.fnv1a(content)
    }

    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
