import Foundation

/// Bytes from a file descriptor through one growing buffer, so that a reader holds at most
/// one record plus one chunk, however large the file.
struct ByteInput: ~Copyable {
    static let chunk = 1 << 20

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private(set) var buffer: UnsafeMutableRawBufferPointer
    /// Where the record being read begins; bytes before it may be dropped.
    var start = 0
    /// The end of the bytes read so far.
    private(set) var end = 0
    /// Bytes taken from the descriptor so far.
    private(set) var consumed = 0
    private(set) var atEnd = false

    init(descriptor: Int32, closesDescriptor: Bool) {
        self.descriptor = descriptor
        self.closesDescriptor = closesDescriptor
        buffer = .allocate(byteCount: Self.chunk, alignment: 8)
    }

    /// Bytes already in memory.
    init(data: Data) {
        descriptor = -1
        closesDescriptor = false
        buffer = .allocate(byteCount: max(data.count, 1), alignment: 8)
        data.copyBytes(to: buffer.bindMemory(to: UInt8.self), count: data.count)
        end = data.count
        consumed = data.count
        atEnd = true
    }

    deinit {
        buffer.deallocate()
        if closesDescriptor { close(descriptor) }
    }

    /// Reads more, keeping the bytes from `start` on (they move to the front: indices into
    /// the buffer shift by the returned amount). False at the end of the input.
    mutating func fill() throws(StorageError) -> (more: Bool, shift: Int) {
        if atEnd { return (false, 0) }
        let shift = start
        if start > 0 {
            if end > start {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start)  // safe: allocated buffers have addresses
            }
            end -= start
            start = 0
        }
        if buffer.count - end < Self.chunk / 2 {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 8)
            larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)  // safe: as above
            buffer.deallocate()
            buffer = larger
        }
        while true {
            let count = read(descriptor, buffer.baseAddress! + end, buffer.count - end)  // safe: as above
            if count > 0 {
                end += count
                consumed += count
                return (true, shift)
            }
            if count == 0 {
                atEnd = true
                return (false, shift)
            }
            if errno == EINTR { continue }
            throw StorageError("cannot read the input: \(String(cString: strerror(errno)))")
        }
    }

    subscript(index: Int) -> UInt8 { buffer[index] }

    func bytes(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[range])
    }

    /// The position of the next newline at or after `from`, if read yet.
    func newline(from: Int) -> Int? {
        guard from < end else { return nil }
        guard let found = memchr(buffer.baseAddress! + from, 0x0A, end - from) else { return nil }  // safe: as above
        return UnsafeRawPointer(found) - UnsafeRawPointer(buffer.baseAddress!)
    }
}
