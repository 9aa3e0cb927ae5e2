//! ISO 8601 durations as xAPI carries them in `result.duration`, read back into seconds.

/// Seconds in a duration such as `PT1H2M3.25S`, `P1DT1H` or `P2W`; `None` if it is not a
/// valid duration.
///
/// Weeks, days, hours, minutes and seconds are exact. Years and months are refused rather
/// than guessed (a month is not a fixed number of seconds); no xAPI tool uses them for time
/// spent. Any component may carry a fraction, with `.` or `,` as ISO 8601 allows.
pub fn parse_duration(text: &str) -> Option<f64> {
    let rest = text.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((_, "")) => return None, // `T` must be followed by a time component
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    if date.is_empty() && time.is_none() {
        return None; // a bare `P`
    }
    let mut seconds = components(date, &[('W', 604_800.0), ('D', 86_400.0)])?;
    if let Some(time) = time {
        seconds += components(time, &[('H', 3_600.0), ('M', 60.0), ('S', 1.0)])?;
    }
    seconds.is_finite().then_some(seconds)
}

/// Sum of `number unit` components, each unit at most once and in the order of `units`.
fn components(mut text: &str, units: &[(char, f64)]) -> Option<f64> {
    let mut allowed = units;
    let mut total = 0.0;
    while !text.is_empty() {
        let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))?;
        let (number, rest) = text.split_at(end);
        let unit = rest.chars().next()?;
        let index = allowed.iter().position(|(u, _)| *u == unit)?;
        total += number_value(number)? * allowed[index].1;
        allowed = &allowed[index + 1..];
        text = &rest[unit.len_utf8()..];
    }
    Some(total)
}

/// A non-negative decimal with digits on both sides of an optional separator.
fn number_value(number: &str) -> Option<f64> {
    let (whole, fraction) = match number.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return None;
    }
    if number.contains(',') {
        return number.replace(',', ".").parse().ok();
    }
    number.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_read_in_seconds() {
        assert_eq!(parse_duration("PT0S"), Some(0.0));
        assert_eq!(parse_duration("PT12.5S"), Some(12.5));
        assert_eq!(parse_duration("PT12,5S"), Some(12.5));
        assert_eq!(parse_duration("PT1H2M3.25S"), Some(3723.25));
        assert_eq!(parse_duration("PT1M"), Some(60.0));
        assert_eq!(parse_duration("PT1.5H"), Some(5400.0));
        assert_eq!(parse_duration("P1DT1H"), Some(90_000.0));
        assert_eq!(parse_duration("P1D"), Some(86_400.0));
        assert_eq!(parse_duration("P2W"), Some(1_209_600.0));
    }

    #[test]
    fn what_dlis_learn_writes_reads_back() {
        for seconds in [0.0, 0.01, 12.5, 61.0, 3600.0, 3723.25, 100_000.75] {
            assert_eq!(parse_duration(&crate::xapi::duration(seconds)), Some(seconds));
        }
    }

    #[test]
    fn bad_durations_are_refused() {
        for bad in [
            "",
            "P",
            "PT",
            "P1DT",
            "1H",
            "pt1s",
            "PT1",
            "PTS",
            "PT-1S",
            "PT1.S",
            "PT.5S",
            "PT1..2S",
            "PT1S1M",
            "PT1M1M",
            "PT1D",
            "P1H",
            "P1Y",
            "P1M",
            "P1Y2M",
            "PT1H2M3.25SX",
            "PT 1S",
            "PT1éS",
            "P1W1W",
        ] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }
}
