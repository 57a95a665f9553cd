/// A uniform grid over the footprints' bounding boxes: each cell lists the footprints whose
/// box overlaps it. For building-sized boxes and cordon-sized queries this finds candidates
/// with a few array reads, where a tree would chase pointers.
struct GridCells: Sendable {
    let originX: Double, originY: Double
    let cellSize: Double
    let columns: Int, rows: Int
    /// Cell c's entries are entries[cellStarts[c] ..< cellStarts[c + 1]] (row-major cells).
    let cellStarts: [Int32]
    let entries: [Int32]
    /// Each footprint's lowest column and row: a footprint spanning several cells is reported
    /// only from the first of them that the query covers, so it comes back once.
    let firstColumns: [Int32], firstRows: [Int32]

    /// At most this many cells, so that one stray footprint far from the rest cannot make
    /// the grid huge: the cells grow instead (answers stay exact, only slower).
    static let maximumCells = 4_000_000

    init(_ shapes: [FootprintShape], preferredCellSize: Double = 100) {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for shape in shapes {
            minX = min(minX, shape.minX); minY = min(minY, shape.minY)
            maxX = max(maxX, shape.maxX); maxY = max(maxY, shape.maxY)
        }
        if shapes.isEmpty { (minX, minY, maxX, maxY) = (0, 0, 0, 0) }
        let width = max(maxX - minX, 1), height = max(maxY - minY, 1)
        let cellSize = max(preferredCellSize, (width * height / Double(Self.maximumCells)).squareRoot())
        let columns = Int(width / cellSize) + 1, rows = Int(height / cellSize) + 1
        (originX, originY, self.cellSize, self.columns, self.rows) = (minX, minY, cellSize, columns, rows)

        // Two passes (count, then fill) into one flat array.
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        for shape in shapes {
            let (c0, r0, c1, r1) = Self.span(shape.minX, shape.minY, shape.maxX, shape.maxY,
                                              originX: minX, originY: minY, cellSize: cellSize, columns: columns, rows: rows)
            for row in r0...r1 { for column in c0...c1 { counts[row * columns + column + 1] += 1 } }
        }
        for cell in 0..<(columns * rows) { counts[cell + 1] += counts[cell] }
        var next = counts
        var entries = [Int32](repeating: 0, count: Int(counts[columns * rows]))
        var firstColumns: [Int32] = [], firstRows: [Int32] = []
        for (index, shape) in shapes.enumerated() {
            let (c0, r0, c1, r1) = Self.span(shape.minX, shape.minY, shape.maxX, shape.maxY,
                                              originX: minX, originY: minY, cellSize: cellSize, columns: columns, rows: rows)
            firstColumns.append(Int32(c0))
            firstRows.append(Int32(r0))
            for row in r0...r1 {
                for column in c0...c1 {
                    entries[Int(next[row * columns + column])] = Int32(index)
                    next[row * columns + column] += 1
                }
            }
        }
        cellStarts = counts
        self.entries = entries
        self.firstColumns = firstColumns
        self.firstRows = firstRows
    }

    /// Calls `body` once for every footprint whose box overlaps the query box.
    func forEachCandidate(minX: Double, minY: Double, maxX: Double, maxY: Double, _ body: (Int) -> Void) {
        let (c0, r0, c1, r1) = Self.span(minX, minY, maxX, maxY, originX: originX, originY: originY,
                                          cellSize: cellSize, columns: columns, rows: rows)
        cellStarts.withUnsafeBufferPointer { starts in
            entries.withUnsafeBufferPointer { entries in
                firstColumns.withUnsafeBufferPointer { firstColumns in
                    firstRows.withUnsafeBufferPointer { firstRows in
                        for row in r0...r1 {
                            for column in c0...c1 {
                                let cell = row * columns + column
                                for slot in Int(starts[cell])..<Int(starts[cell + 1]) {
                                    let entry = Int(entries[slot])
                                    if column == max(Int(firstColumns[entry]), c0), row == max(Int(firstRows[entry]), r0) {
                                        body(entry)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The cells a box covers, clamped to the grid.
    @inline(__always)
    static func span(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double, originX: Double, originY: Double,
                     cellSize: Double, columns: Int, rows: Int) -> (Int, Int, Int, Int) {
        func clamp(_ value: Double, _ limit: Int) -> Int {
            let cell = ((value) / cellSize).rounded(.down)
            return cell < 0 ? 0 : (cell >= Double(limit) ? limit - 1 : Int(cell))
        }
        return (clamp(minX - originX, columns), clamp(minY - originY, rows),
                clamp(maxX - originX, columns), clamp(maxY - originY, rows))
    }
}
