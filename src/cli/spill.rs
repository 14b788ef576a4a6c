//! Output kept aside until every article is read: `saidso quotes` gives each row a speaker id
//! that only the whole corpus settles, so its rows wait, and are read back in the order they
//! were written once the ids are known. They wait in memory up to [`MEMORY_BUDGET`], which holds
//! the rows of tens of thousands of articles; beyond it, in an unnamed temporary file (the
//! operating system's page cache, not the process's memory), so that a corpus of any size fits.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

/// The most bytes of pieces kept in memory before they move to a temporary file. Memory spares
/// the copies into and out of the page cache; the file spares memory on a huge corpus.
const MEMORY_BUDGET: usize = 256 << 20;

/// Where the pieces are written: memory, then a temporary file once they outgrow the budget.
enum Store {
    File(BufWriter<File>),
    Memory(Chunks),
}

/// Memory in blocks of [`CHUNK`] bytes or more, filled one after another: a block is never
/// moved or copied to grow, as one buffer of every piece would be at each doubling.
#[derive(Default)]
struct Chunks {
    full: Vec<Vec<u8>>,
    last: Vec<u8>,
    len: usize,
}

/// The size of a block of [`Chunks`].
const CHUNK: usize = 4 << 20;

impl Chunks {
    fn extend(&mut self, bytes: &[u8]) {
        if self.last.len() + bytes.len() > self.last.capacity() {
            let next = Vec::with_capacity(CHUNK.max(bytes.len()));
            self.full.push(std::mem::replace(&mut self.last, next));
        }
        self.last.extend_from_slice(bytes);
        self.len += bytes.len();
    }

    /// The blocks in order.
    fn blocks(self) -> impl Iterator<Item = Vec<u8>> {
        self.full.into_iter().chain([self.last])
    }
}

/// Reads the blocks of [`Chunks`] as one stream.
struct ChunksReader<I> {
    blocks: I,
    current: io::Cursor<Vec<u8>>,
}

impl<I: Iterator<Item = Vec<u8>>> Read for ChunksReader<I> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            match self.blocks.next() {
                Some(block) => self.current = io::Cursor::new(block),
                None => return Ok(0),
            }
        }
    }
}

/// Byte strings ("pieces") written one after another, to be read back in the same order. Each
/// is written after its length (8 bytes, little-endian; all ones for an absent piece).
pub(super) struct Spill {
    store: Store,
    /// The most bytes kept in memory ([`MEMORY_BUDGET`], less in tests).
    budget: usize,
}

/// The length written for an absent piece.
const ABSENT: u64 = u64::MAX;

impl Spill {
    /// An empty spill, in memory until it outgrows [`MEMORY_BUDGET`].
    pub(super) fn new() -> Self {
        Self::with_budget(MEMORY_BUDGET)
    }

    fn with_budget(budget: usize) -> Self {
        Spill { store: Store::Memory(Chunks::default()), budget }
    }

    /// Adds a piece, or notes that there is none (`None`).
    pub(super) fn push(&mut self, piece: Option<&[u8]>) -> anyhow::Result<()> {
        let length = piece.map_or(ABSENT, |bytes| bytes.len() as u64);
        let bytes = piece.unwrap_or_default();
        if let Store::Memory(memory) = &self.store
            && memory.len + bytes.len() > self.budget
        {
            self.move_to_file()?;
        }
        match &mut self.store {
            Store::File(file) => {
                file.write_all(&length.to_le_bytes()).map_err(full)?;
                file.write_all(bytes).map_err(full)?;
            }
            Store::Memory(memory) => {
                memory.extend(&length.to_le_bytes());
                memory.extend(bytes);
            }
        }
        Ok(())
    }

    /// Moves the pieces kept in memory to a temporary file (in `TMPDIR`), where the next ones
    /// go too. Without a temporary file they stay in memory.
    fn move_to_file(&mut self) -> anyhow::Result<()> {
        let Ok(file) = tempfile::tempfile() else {
            self.budget = usize::MAX;
            return Ok(());
        };
        let mut file = BufWriter::with_capacity(1 << 16, file);
        if let Store::Memory(memory) =
            std::mem::replace(&mut self.store, Store::Memory(Chunks::default()))
        {
            for block in memory.blocks() {
                file.write_all(&block).map_err(full)?;
            }
        }
        self.store = Store::File(file);
        Ok(())
    }

    /// The pieces, from the first.
    pub(super) fn read_back(self) -> anyhow::Result<Pieces> {
        let reader: Box<dyn Read> = match self.store {
            Store::File(file) => {
                let mut file = file.into_inner().map_err(|e| full(e.into_error()))?;
                file.rewind()?;
                Box::new(BufReader::with_capacity(1 << 16, file))
            }
            Store::Memory(memory) => Box::new(ChunksReader {
                blocks: memory.blocks(),
                current: io::Cursor::new(Vec::new()),
            }),
        };
        Ok(Pieces { reader })
    }
}
/// The error of a temporary file that cannot be written, saying what to do.
fn full(e: io::Error) -> anyhow::Error {
    anyhow::anyhow!(
        "cannot keep the rows in a temporary file (TMPDIR names a folder with more room): {e}"
    )
}

/// The pieces of a [`Spill`], read back in order.
pub(super) struct Pieces {
    reader: Box<dyn Read>,
}

impl Pieces {
    /// The next piece, into `buf`; false when it is absent, or there are no more.
    pub(super) fn next_into(&mut self, buf: &mut Vec<u8>) -> anyhow::Result<bool> {
        buf.clear();
        let mut length = [0; 8];
        match self.reader.read_exact(&mut length) {
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(false),
            read => read?,
        }
        let length = u64::from_le_bytes(length);
        if length == ABSENT {
            return Ok(false);
        }
        // Read a step at a time, not into a buffer sized first: a damaged length fails to read
        // rather than asking for all the memory it names. Exact reads, not `read_to_end`, which
        // probes and grows its buffer for every row.
        let mut left = length;
        while left > 0 {
            let step = usize::try_from(left.min(READ_STEP))?;
            let start = buf.len();
            buf.resize(start + step, 0);
            match self.reader.read_exact(&mut buf[start..]) {
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                    anyhow::bail!("the temporary file of rows ended early")
                }
                read => read?,
            }
            left -= step as u64;
        }
        Ok(true)
    }
}

/// The most bytes of a piece read before the next are asked for.
const READ_STEP: u64 = 1 << 20;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every budget: all in memory, moved to a file part way, and in a file from the first.
    #[test]
    fn pieces_come_back_in_order_absent_ones_too() {
        for budget in [MEMORY_BUDGET, 12, 0] {
            let mut spill = Spill::with_budget(budget);
            for piece in [Some(&b"one"[..]), None, Some(b""), Some(b"three")] {
                spill.push(piece).unwrap();
            }
            let in_file = matches!(spill.store, Store::File(_));
            assert_eq!(in_file, budget < MEMORY_BUDGET, "budget {budget}");
            let mut pieces = spill.read_back().unwrap();
            let mut buf = Vec::new();
            let mut got = Vec::new();
            for _ in 0..5 {
                let present = pieces.next_into(&mut buf).unwrap();
                got.push((present, String::from_utf8(buf.clone()).unwrap()));
            }
            let want = [(true, "one"), (false, ""), (true, ""), (true, "three"), (false, "")];
            assert_eq!(got, want.map(|(p, s)| (p, s.to_string())), "budget {budget}");
        }
    }

    #[test]
    fn a_piece_longer_than_a_step_or_than_the_file() {
        let long = vec![7u8; 2 * READ_STEP as usize + 5];
        let mut spill = Spill::new();
        spill.push(Some(&long)).unwrap();
        let mut buf = Vec::new();
        assert!(spill.read_back().unwrap().next_into(&mut buf).unwrap());
        assert_eq!(buf, long);
        // A length naming more than the file holds: an error, not a huge buffer.
        let mut damaged = u64::MAX.wrapping_sub(1).to_le_bytes().to_vec();
        damaged.extend_from_slice(b"rest");
        let mut raw = Chunks::default();
        raw.extend(&damaged);
        let spill = Spill { store: Store::Memory(raw), budget: MEMORY_BUDGET };
        let err = spill.read_back().unwrap().next_into(&mut buf).unwrap_err();
        assert!(err.to_string().contains("ended early"), "{err}");
    }

    /// Pieces across several memory blocks, one larger than a block, come back whole.
    #[test]
    fn pieces_across_memory_blocks() {
        let pieces: Vec<Vec<u8>> = [3 * CHUNK / 4, 3 * CHUNK / 4, CHUNK + 3, 10]
            .iter()
            .map(|&n| vec![n as u8; n])
            .collect();
        let mut spill = Spill::new();
        pieces.iter().for_each(|p| spill.push(Some(p)).unwrap());
        let Store::Memory(memory) = &spill.store else { panic!("in a file") };
        assert!(memory.full.len() >= 2, "{} blocks", memory.full.len() + 1);
        let mut back = spill.read_back().unwrap();
        let mut buf = Vec::new();
        for piece in &pieces {
            assert!(back.next_into(&mut buf).unwrap());
            assert_eq!(&buf, piece);
        }
        assert!(!back.next_into(&mut buf).unwrap());
    }
}
