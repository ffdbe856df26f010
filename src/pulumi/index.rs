//! The hash tables over the text of the tables of `data/` (pulumi-aws's, the IAM actions) that
//! `build.rs` builds at compile time and `schema.rs` and `iam.rs` look keys up in, so that a
//! run does not index 20,000 records before its first lookup. The build includes this file
//! too: a key must hash the same in each.

/// One table: its keys and values are spans of `text`. A key is one field, or two separated
/// by a TAB (`ec2.Eip\tvpc`), as records hold them. It is found by linear probing from the
/// slot its hash picks; each slot holds an entry's number plus one, or 0 when empty.
pub struct Index<'a> {
    pub text: &'a str,
    /// A power of two of them, at most half full.
    pub slots: &'a [u32],
    /// Each entry's key and value: (offset, length, offset, length) in `text`.
    pub entries: &'a [[u32; 4]],
}

impl<'a> Index<'a> {
    /// The number of the entry whose key is `key`.
    pub fn find(&self, key: &str) -> Option<usize> {
        let key = key.as_bytes();
        self.probe(hash(0, key), |text| text == key)
    }

    /// The number of the entry whose key is `key` in any ASCII case, in an index built with
    /// its keys hashed lower-cased (the IAM actions, which IAM names case-insensitively).
    /// `key` is lower-case.
    pub fn find_ignoring_case(&self, key: &str) -> Option<usize> {
        debug_assert!(!key.bytes().any(|b| b.is_ascii_uppercase()), "{key}");
        let key = key.as_bytes();
        self.probe(hash(0, key), |text| text.eq_ignore_ascii_case(key))
    }

    /// The number of the entry whose key is `first`, a TAB, and `second`.
    pub fn find_pair(&self, first: &str, second: &str) -> Option<usize> {
        let (first, second) = (first.as_bytes(), second.as_bytes());
        self.probe(hash(hash(0, first), second), |text| {
            text.len() == first.len() + 1 + second.len()
                && text.starts_with(first)
                && text[first.len()] == b'\t'
                && text.ends_with(second)
        })
    }

    fn probe(&self, hash: u64, is_key: impl Fn(&[u8]) -> bool) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut slot = hash as usize & mask;
        loop {
            let entry = (self.slots[slot] as usize).checked_sub(1)?;
            let [offset, len, _, _] = self.entries[entry];
            if is_key(&self.text.as_bytes()[offset as usize..][..len as usize]) {
                return Some(entry);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The key and the value of the entry of `key`.
    pub fn get(&self, key: &str) -> Option<(&'a str, &'a str)> {
        self.find(key)
            .map(|entry| (self.key(entry), self.value(entry)))
    }

    pub fn contains(&self, key: &str) -> bool {
        self.find(key).is_some()
    }

    /// Every key and value, in the order of the text.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        (0..self.entries.len()).map(|entry| (self.key(entry), self.value(entry)))
    }

    pub fn key(&self, entry: usize) -> &'a str {
        let [offset, len, _, _] = self.entries[entry];
        &self.text[offset as usize..][..len as usize]
    }

    pub fn value(&self, entry: usize) -> &'a str {
        let [_, _, offset, len] = self.entries[entry];
        &self.text[offset as usize..][..len as usize]
    }

    /// Where the key of `entry` starts in `text`.
    pub fn key_offset(&self, entry: usize) -> usize {
        self.entries[entry][0] as usize
    }
}

/// The hash of a key's field after `seed`, the hash of the fields before it (0 for the
/// first). Its bytes, sixteen at a time, are multiplied together and folded, as foldhash does.
/// Written out here, not taken from a hasher crate, so that it cannot differ between the
/// machine that builds and the one that runs (32 or 64 bits, another version of a crate).
pub fn hash(seed: u64, field: &[u8]) -> u64 {
    let len = field.len();
    let mut hash = seed ^ len as u64;
    // The first and the last bytes, read without a copy, overlapping when the field is short.
    let (first, last) = if let Some(last) = field.last_chunk::<16>() {
        let mut rest = field;
        while let Some((chunk, after)) = rest.split_first_chunk::<16>()
            && !after.is_empty()
        {
            hash = fold(word(chunk, 0) ^ hash, word(chunk, 8) ^ MIX[0]);
            rest = after;
        }
        (word(last, 0), word(last, 8))
    } else if let (Some(first), Some(last)) = (field.first_chunk::<8>(), field.last_chunk::<8>()) {
        (u64::from_le_bytes(*first), u64::from_le_bytes(*last))
    } else if let (Some(first), Some(last)) = (field.first_chunk::<4>(), field.last_chunk::<4>()) {
        (
            u64::from(u32::from_le_bytes(*first)),
            u64::from(u32::from_le_bytes(*last)),
        )
    } else if let (Some(&a), Some(&b)) = (field.first(), field.last()) {
        (u64::from(a) << 8 | u64::from(field[len / 2]), u64::from(b))
    } else {
        (0, 0)
    };
    fold(first ^ hash, last ^ MIX[1])
}

const MIX: [u64; 2] = [0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344];

fn word(chunk: &[u8; 16], at: usize) -> u64 {
    let mut bytes = [0; 8];
    bytes.copy_from_slice(&chunk[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// The two halves of the product of `a` and `b`, folded together.
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}
