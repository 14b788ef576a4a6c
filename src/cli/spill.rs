//! Output kept aside until every article is read: `saidso quotes` gives each row a speaker id
//! that only the whole corpus settles, so its rows wait in an unnamed temporary file (the
//! operating system's page cache, not the process's memory) rather than in memory, and are read
//! back in the order they were written once the ids are known.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

/// Where the pieces are written: a temporary file, or memory when none can be made.
enum Store {
    File(BufWriter<File>),
    Memory(Vec<u8>),
}

/// Byte strings ("pieces") written one after another, to be read back in the same order. Each
/// is written after its length (8 bytes, little-endian; all ones for an absent piece), so that
/// nothing a piece is kept in memory.
pub(super) struct Spill {
    store: Store,
}

/// The length written for an absent piece.
const ABSENT: u64 = u64::MAX;

impl Spill {
    /// An empty spill in a temporary file (in `TMPDIR`), or in memory when none can be made.
    pub(super) fn new() -> Self {
        let store = match tempfile::tempfile() {
            Ok(file) => Store::File(BufWriter::with_capacity(1 << 16, file)),
            Err(_) => Store::Memory(Vec::new()),
        };
        Spill { store }
    }

    /// Adds a piece, or notes that there is none (`None`).
    pub(super) fn push(&mut self, piece: Option<&[u8]>) -> anyhow::Result<()> {
        let length = piece.map_or(ABSENT, |bytes| bytes.len() as u64);
        let bytes = piece.unwrap_or_default();
        match &mut self.store {
            Store::File(file) => {
                file.write_all(&length.to_le_bytes()).map_err(full)?;
                file.write_all(bytes).map_err(full)?;
            }
            Store::Memory(memory) => {
                memory.extend_from_slice(&length.to_le_bytes());
                memory.extend_from_slice(bytes);
            }
        }
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
            Store::Memory(memory) => Box::new(io::Cursor::new(memory)),
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

    #[test]
    fn pieces_come_back_in_order_absent_ones_too() {
        let mut spill = Spill::new();
        for piece in [Some(&b"one"[..]), None, Some(b""), Some(b"three")] {
            spill.push(piece).unwrap();
        }
        let mut pieces = spill.read_back().unwrap();
        let mut buf = Vec::new();
        let mut got = Vec::new();
        for _ in 0..5 {
            let present = pieces.next_into(&mut buf).unwrap();
            got.push((present, String::from_utf8(buf.clone()).unwrap()));
        }
        let want = [(true, "one"), (false, ""), (true, ""), (true, "three"), (false, "")];
        assert_eq!(got, want.map(|(p, s)| (p, s.to_string())));
    }

    #[test]
    fn a_piece_longer_than_a_step_or_than_the_file() {
        let long = vec![7u8; 2 * READ_STEP as usize + 5];
        let mut spill = Spill { store: Store::Memory(Vec::new()) };
        spill.push(Some(&long)).unwrap();
        let mut buf = Vec::new();
        assert!(spill.read_back().unwrap().next_into(&mut buf).unwrap());
        assert_eq!(buf, long);
        // A length naming more than the file holds: an error, not a huge buffer.
        let mut damaged = u64::MAX.wrapping_sub(1).to_le_bytes().to_vec();
        damaged.extend_from_slice(b"rest");
        let spill = Spill { store: Store::Memory(damaged) };
        let err = spill.read_back().unwrap().next_into(&mut buf).unwrap_err();
        assert!(err.to_string().contains("ended early"), "{err}");
    }
}
