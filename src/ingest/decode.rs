//! Encodings: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, Windows-1252 otherwise.

pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Characters that could not be decoded and became U+FFFD.
    pub replaced: usize,
}

/// `None` when the bytes are binary, not text in any encoding we read.
pub fn decode(bytes: &[u8]) -> Option<Decoded> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Some(utf16(rest, u16::from_le_bytes, "utf-16le"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Some(utf16(rest, u16::from_be_bytes, "utf-16be"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(Decoded { text: s.to_owned(), encoding: "utf-8", replaced: 0 }),
        Err(e) => {
            // Mostly valid UTF-8 with a few bad sequences (a file cut inside a character):
            // keep UTF-8 and replace. Otherwise the file is in a legacy 8-bit encoding.
            let invalid = count_invalid_utf8(bytes);
            let non_ascii = bytes.iter().filter(|b| **b >= 0x80).count();
            if e.valid_up_to() > 0 && invalid * 4 <= non_ascii.max(1) && invalid <= 16 {
                let text = String::from_utf8_lossy(bytes).into_owned();
                Some(Decoded { text, encoding: "utf-8", replaced: invalid })
            } else {
                Some(Decoded { text: bytes.iter().map(|&b| cp1252(b)).collect(), encoding: "windows-1252", replaced: 0 })
            }
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, encoding: &'static str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut replaced = bytes.len() % 2;
    let text = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                replaced += 1;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    Decoded { text, encoding, replaced }
}

/// NUL bytes or many C0 control characters mean binary data, whatever the encoding.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let control = sample.iter().filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))).count();
    control * 100 > sample.len() || sample.contains(&0)
}

fn count_invalid_utf8(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip..];
            }
        }
    }
}

/// Windows-1252: Latin-1 with printable characters in 0x80..0x9F.
pub fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•',
        '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Læsø".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Læsø", "utf-16le"));
    }

    #[test]
    fn cp1252_when_not_utf8() {
        let d = decode(b"M\xf8de i L\xe6s\xf8 \x96 kl. 10").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Møde i Læsø – kl. 10", "windows-1252"));
    }

    #[test]
    fn utf8_cut_inside_a_character_is_replaced_not_refused() {
        let mut bytes = "Referat — møde".as_bytes().to_vec();
        bytes.push(0xE2);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.replaced, 1);
        assert!(d.text.starts_with("Referat — møde"));
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(decode(b"abc\0def").is_none());
    }
}
