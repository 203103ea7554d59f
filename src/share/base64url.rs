//! Reading a link's payload: base64url (RFC 4648 §5) without padding, by hand.
//!
//! The `base64` crate's decoder is unrolled for speed (eight symbols a step, four copies) and
//! was inlined into the link decoder; links are a few kilobytes, so a plain loop does. It gives
//! the crate's answers exactly (`URL_SAFE_NO_PAD`: padding refused, trailing bits refused),
//! errors included, in the same order: a unit test compares the two on every short input over
//! a mixed alphabet and on long random ones.

use base64::DecodeError;

/// The six bits of a base64url symbol.
fn value(b: u8) -> Option<u32> {
    let v = match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// The bytes `input` encodes, or the first thing wrong with it, as `base64` reports it.
pub(super) fn decode(input: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let n = input.len();
    let rem = n % 4;
    // A lone last symbol is checked first (the crate does it while sizing its output).
    if rem == 1 && input[n - 1] != b'=' && value(input[n - 1]).is_none() {
        return Err(DecodeError::InvalidByte(n - 1, input[n - 1]));
    }
    // Whole groups of four before the last one to four symbols, which may be partial.
    let body = n.saturating_sub(rem).saturating_sub(if rem == 0 { 4 } else { 0 });
    let mut out = Vec::with_capacity(n / 4 * 3 + 3);
    let mut acc = 0u32;
    for (i, &b) in input[..body].iter().enumerate() {
        acc = acc << 6 | value(b).ok_or(DecodeError::InvalidByte(i, b))?;
        if i % 4 == 3 {
            out.extend_from_slice(&acc.to_be_bytes()[1..]);
            acc = 0;
        }
    }
    let mut morsels = [0u32; 4];
    let (mut count, mut pads, mut first_pad, mut last) = (0, 0, 0, 0u8);
    for (k, &b) in input[body..].iter().enumerate() {
        if b == b'=' {
            if k < 2 {
                return Err(DecodeError::InvalidByte(body + k, b));
            }
            if pads == 0 {
                first_pad = k;
            }
            pads += 1;
            continue;
        }
        if pads > 0 {
            return Err(DecodeError::InvalidByte(body + first_pad, b'='));
        }
        last = b;
        morsels[count] = value(b).ok_or(DecodeError::InvalidByte(body + k, b))?;
        count += 1;
    }
    if n > 0 && count < 2 {
        return Err(DecodeError::InvalidLength(body + count));
    }
    if pads > 0 {
        return Err(DecodeError::InvalidPadding);
    }
    let bytes = count * 6 / 8;
    let num = morsels[0] << 26 | morsels[1] << 20 | morsels[2] << 14 | morsels[3] << 8;
    if num & (!0u32 >> (bytes * 8)) != 0 {
        return Err(DecodeError::InvalidLastSymbol(body + count - 1, last));
    }
    out.extend_from_slice(&num.to_be_bytes()[..bytes]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    fn same(input: &[u8]) {
        assert_eq!(
            super::decode(input),
            URL_SAFE_NO_PAD.decode(input),
            "{:?}",
            String::from_utf8_lossy(input)
        );
    }

    #[test]
    fn every_short_input_over_a_mixed_alphabet() {
        // Valid symbols with different low bits, the padding byte, a standard-alphabet symbol
        // and a non-ASCII byte: every string of up to six of them.
        let alphabet = b"AB_-=+\xff9";
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..6 {
            let next: Vec<Vec<u8>> = inputs
                .iter()
                .filter(|v| v.len() == inputs.last().map_or(0, Vec::len))
                .flat_map(|v| alphabet.iter().map(move |&b| [v.as_slice(), &[b]].concat()))
                .collect();
            inputs.extend(next);
        }
        assert_eq!(inputs.len(), (8usize.pow(7) - 1) / 7);
        for input in &inputs {
            same(input);
        }
    }

    #[test]
    fn long_random_inputs_valid_and_damaged() {
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        for len in 0..300 {
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            let mut text = URL_SAFE_NO_PAD.encode(&bytes).into_bytes();
            assert_eq!(super::decode(&text).as_deref(), Ok(bytes.as_slice()));
            if !text.is_empty() {
                let at = next() as usize % text.len();
                text[at] = [b'=', b'+', b'/', b' ', b'A', b'z'][next() as usize % 6];
                same(&text);
                let cut = next() as usize % text.len();
                same(&text[..cut]);
            }
        }
    }
}
