//! Output kept aside until every article is read: `saidso quotes` gives each row a speaker id
//! that only the whole corpus settles, so its rows wait in unnamed temporary files (the
//! operating system's page cache, not the process's memory) rather than in memory, and are read
//! back in the order they were written once the ids are known.

use std::fs::File;
use std::io::{self, BufRead, BufWriter, Read, Seek, Write};
use std::sync::mpsc::{self, Receiver, SyncSender};

/// Where the pieces are written: temporary files, or memory when none can be made.
enum Store {
    /// The files so far, the last one being written.
    Files {
        done: Vec<File>,
        last: BufWriter<File>,
        in_last: u64,
    },
    Memory(Vec<u8>),
}

/// Byte strings ("pieces") written one after another, to be read back in the same order. Each
/// is written after its length (8 bytes, little-endian; all ones for an absent piece), so that
/// nothing a piece is kept in memory.
pub(super) struct Spill {
    store: Store,
    /// Bytes a file takes before the next is begun (see [`SEGMENT`]).
    segment: u64,
}

/// The length written for an absent piece.
const ABSENT: u64 = u64::MAX;

/// The bytes of one temporary file before the next is begun. Read back, each file is closed as
/// soon as it has been read, on the thread reading ahead: freeing a file's pages costs about as
/// much as reading them, and would otherwise come at the very end, on the thread writing the
/// output, while the other cores idle.
const SEGMENT: u64 = 16 << 20;
/// At most this many files; the last takes whatever comes after.
const MOST_FILES: usize = 64;

impl Spill {
    /// An empty spill in a temporary file (in `TMPDIR`), or in memory when none can be made.
    pub(super) fn new() -> Self {
        Self::with_segment(SEGMENT)
    }

    fn with_segment(segment: u64) -> Self {
        let store = match tempfile::tempfile() {
            Ok(file) => Store::Files { done: Vec::new(), last: writer(file), in_last: 0 },
            Err(_) => Store::Memory(Vec::new()),
        };
        Spill { store, segment }
    }

    /// Adds a piece, or notes that there is none (`None`).
    pub(super) fn push(&mut self, piece: Option<&[u8]>) -> anyhow::Result<()> {
        let length = piece.map_or(ABSENT, |bytes| bytes.len() as u64);
        let bytes = piece.unwrap_or_default();
        match &mut self.store {
            Store::Files { done, last, in_last } => {
                last.write_all(&length.to_le_bytes()).map_err(full)?;
                last.write_all(bytes).map_err(full)?;
                *in_last += 8 + bytes.len() as u64;
                if *in_last >= self.segment && done.len() + 1 < MOST_FILES {
                    match tempfile::tempfile() {
                        Ok(next) => {
                            done.push(finished(std::mem::replace(last, writer(next)))?);
                            *in_last = 0;
                        }
                        // No other file to be had (no descriptor left): the last takes the rest.
                        Err(_) => self.segment = u64::MAX,
                    }
                }
            }
            Store::Memory(memory) => {
                memory.extend_from_slice(&length.to_le_bytes());
                memory.extend_from_slice(bytes);
            }
        }
        Ok(())
    }

    /// The pieces, from the first. The files are read ahead on a thread of their own.
    pub(super) fn read_back(self) -> anyhow::Result<Pieces> {
        let reader: Box<dyn BufRead> = match self.store {
            Store::Files { mut done, last, .. } => {
                done.push(finished(last)?);
                for file in &mut done {
                    file.rewind()?;
                }
                Box::new(Blocks::read_ahead(done)?)
            }
            Store::Memory(memory) => Box::new(io::Cursor::new(memory)),
        };
        Ok(Pieces { reader })
    }
}

/// A buffered writer of a temporary file.
fn writer(file: File) -> BufWriter<File> {
    BufWriter::with_capacity(1 << 16, file)
}

/// The file of a writer, all written.
fn finished(writer: BufWriter<File>) -> anyhow::Result<File> {
    writer.into_inner().map_err(|e| full(e.into_error()))
}

/// The bytes of files in blocks, read by a thread of their own a few blocks ahead.
struct Blocks {
    blocks: Receiver<io::Result<Vec<u8>>>,
    /// Blocks read, handed back to be filled again.
    spare: mpsc::Sender<Vec<u8>>,
    block: Vec<u8>,
    /// How much of `block` has been read.
    at: usize,
}

/// The bytes of one block read ahead.
const BLOCK: usize = 1 << 19;
/// Blocks read ahead at most.
const AHEAD: usize = 4;

impl Blocks {
    /// Starts reading `files` one after another; each is closed once read. Fails only when
    /// no thread can be started.
    fn read_ahead(files: Vec<File>) -> io::Result<Self> {
        let (send, blocks) = mpsc::sync_channel(AHEAD);
        let (spare, spares) = mpsc::channel();
        let read = move || send_blocks(files, &send, &spares);
        std::thread::Builder::new().name("spill".into()).spawn(read)?;
        Ok(Blocks { blocks, spare, block: Vec::new(), at: 0 })
    }
}

/// Reads `files` a block at a time into `send`, until the end or until nobody receives.
fn send_blocks(
    files: Vec<File>,
    send: &SyncSender<io::Result<Vec<u8>>>,
    spares: &Receiver<Vec<u8>>,
) {
    for file in files {
        loop {
            let mut block = spares.try_recv().unwrap_or_default();
            block.clear();
            block.reserve_exact(BLOCK);
            match (&file).take(BLOCK as u64).read_to_end(&mut block) {
                Ok(0) => break,
                Ok(_) => {
                    // Nobody reads any more: the command has stopped.
                    if send.send(Ok(block)).is_err() {
                        return;
                    }
                }
                Err(e) => {
                    let _ = send.send(Err(e));
                    return;
                }
            }
        }
        // Here, not on the thread writing the output (see `SEGMENT`).
        drop(file);
    }
}

impl Read for Blocks {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let block = self.fill_buf()?;
        let n = out.len().min(block.len());
        out[..n].copy_from_slice(&block[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for Blocks {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.at == self.block.len() {
            match self.blocks.recv() {
                Ok(block) => {
                    let used = std::mem::replace(&mut self.block, block?);
                    // The reading thread may have ended: then nothing needs it.
                    let _ = self.spare.send(used);
                    self.at = 0;
                }
                // No more blocks.
                Err(mpsc::RecvError) => break,
            }
        }
        Ok(&self.block[self.at..])
    }

    fn consume(&mut self, n: usize) {
        self.at = (self.at + n).min(self.block.len());
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
    reader: Box<dyn BufRead>,
}

impl Pieces {
    /// The next piece's length; none when it is absent, or there are no more.
    fn next_length(&mut self) -> anyhow::Result<Option<u64>> {
        let mut length = [0; 8];
        match self.reader.read_exact(&mut length) {
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
            read => read?,
        }
        let length = u64::from_le_bytes(length);
        Ok((length != ABSENT).then_some(length))
    }

    /// Writes the next piece to `out` straight from where it was read, with no copy between;
    /// false when it is absent, or there are no more.
    pub(super) fn copy_next(&mut self, out: &mut impl Write) -> anyhow::Result<bool> {
        let Some(mut left) = self.next_length()? else { return Ok(false) };
        while left > 0 {
            let read = self.reader.fill_buf()?;
            if read.is_empty() {
                anyhow::bail!("the temporary file of rows ended early");
            }
            let n = read.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            out.write_all(&read[..n])?;
            self.reader.consume(n);
            left -= n as u64;
        }
        Ok(true)
    }

    /// The next piece, into `buf`; false when it is absent, or there are no more.
    pub(super) fn next_into(&mut self, buf: &mut Vec<u8>) -> anyhow::Result<bool> {
        buf.clear();
        let Some(length) = self.next_length()? else { return Ok(false) };
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
        let mut spill = Spill { store: Store::Memory(Vec::new()), segment: SEGMENT };
        spill.push(Some(&long)).unwrap();
        let mut buf = Vec::new();
        assert!(spill.read_back().unwrap().next_into(&mut buf).unwrap());
        assert_eq!(buf, long);
        // A length naming more than the file holds: an error, not a huge buffer.
        let mut damaged = u64::MAX.wrapping_sub(1).to_le_bytes().to_vec();
        damaged.extend_from_slice(b"rest");
        let spill = Spill { store: Store::Memory(damaged), segment: SEGMENT };
        let err = spill.read_back().unwrap().next_into(&mut buf).unwrap_err();
        assert!(err.to_string().contains("ended early"), "{err}");
        let mut damaged = 100u64.to_le_bytes().to_vec();
        damaged.extend_from_slice(b"rest");
        let spill = Spill { store: Store::Memory(damaged), segment: SEGMENT };
        let err = spill.read_back().unwrap().copy_next(&mut buf).unwrap_err();
        assert!(err.to_string().contains("ended early"), "{err}");
    }

    #[test]
    fn pieces_across_files_and_blocks_come_back_whole() {
        // Files of 100 bytes: most pieces straddle two files, the long one several blocks.
        let mut spill = Spill::with_segment(100);
        let pieces: Vec<Vec<u8>> = (0..50u8)
            .map(|i| vec![i; usize::from(i) * 7])
            .chain([vec![9; BLOCK * 2 + 3]])
            .collect();
        for piece in &pieces {
            spill.push(Some(piece)).unwrap();
        }
        assert!(matches!(&spill.store, Store::Files { done, .. } if done.len() > 10));
        let mut back = spill.read_back().unwrap();
        let mut buf = Vec::new();
        for (i, piece) in pieces.iter().enumerate() {
            // Every other piece copied straight out.
            if i % 2 == 0 {
                assert!(back.next_into(&mut buf).unwrap());
            } else {
                buf.clear();
                assert!(back.copy_next(&mut buf).unwrap());
            }
            assert_eq!(&buf, piece);
        }
        assert!(!back.next_into(&mut buf).unwrap());
        assert!(!back.copy_next(&mut buf).unwrap());
    }
}
