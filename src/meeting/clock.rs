//! Meeting time: when it started, how long each section has had, and the
//! wall clock. Time only moves when the loop says so, so tests are exact.

use jiff::{Timestamp, Zoned, tz::TimeZone};

#[derive(Debug, Clone)]
pub struct Clock {
    pub zone: TimeZone,
    pub started: Timestamp,
    pub now: Timestamp,
    /// When the current section was entered.
    pub entered: Timestamp,
    /// Seconds spent in each section before the current visit.
    pub spent: Vec<i64>,
}

impl Clock {
    pub fn at(now: Timestamp, zone: TimeZone) -> Self {
        Clock {
            zone,
            started: now,
            now,
            entered: now,
            spent: Vec::new(),
        }
    }

    /// The wall clock of this machine.
    pub fn system() -> Self {
        Clock::at(Timestamp::now(), local_zone())
    }

    pub fn start(&mut self, sections: usize) {
        self.spent = vec![0; sections];
        self.started = self.now;
        self.entered = self.now;
    }

    pub fn tick(&mut self, now: Timestamp) {
        self.now = now.max(self.now);
    }

    /// Book the time of the current visit to `section`, and start the next.
    pub fn leave(&mut self, section: usize) {
        if let Some(spent) = self.spent.get_mut(section) {
            *spent += seconds_between(self.entered, self.now);
        }
        self.entered = self.now;
    }

    /// Seconds spent in `section`, counting the visit under way if current.
    pub fn section_seconds(&self, section: usize, current: usize) -> i64 {
        let before = self.spent.get(section).copied().unwrap_or(0);
        if section == current {
            before + seconds_between(self.entered, self.now)
        } else {
            before
        }
    }

    pub fn meeting_seconds(&self) -> i64 {
        seconds_between(self.started, self.now)
    }

    /// The local time of day.
    pub fn wall(&self) -> Zoned {
        self.now.to_zoned(self.zone.clone())
    }

    /// Today's date where the meeting is.
    pub fn today(&self) -> jiff::civil::Date {
        self.wall().date()
    }
}

/// Hours and minutes, `0:31` or `1:25`, counting whole minutes: the one
/// form both sides of a "spent / planned" pair are written in, so that
/// `0:31 / 1:25` can never be misread as minutes against hours.
pub fn hours_minutes(seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

fn seconds_between(from: Timestamp, to: Timestamp) -> i64 {
    (to.as_second() - from.as_second()).max(0)
}

/// This machine's time zone: `TZ` when set, else `/etc/localtime` read
/// directly. (Asking for the zone's name instead can mean a walk through
/// the whole zone database when /etc/localtime is a copy, which delays the
/// first frame.) Read once a process: a meeting asked for it three times
/// before its first frame.
pub fn local_zone() -> TimeZone {
    static ZONE: std::sync::OnceLock<TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(read_local_zone).clone()
}

fn read_local_zone() -> TimeZone {
    if let Some(name) = std::env::var("TZ").ok().filter(|tz| !tz.is_empty()) {
        let name = name.trim_start_matches(':');
        if let Ok(zone) = TimeZone::get(name) {
            return zone;
        }
    }
    std::fs::read("/etc/localtime")
        .ok()
        .and_then(|bytes| TimeZone::tzif("localtime", &bytes).ok())
        .unwrap_or_else(TimeZone::system)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_reads_as_hours_and_minutes() {
        assert_eq!(hours_minutes(0), "0:00");
        assert_eq!(hours_minutes(59), "0:00", "under a minute");
        assert_eq!(hours_minutes(31 * 60 + 59), "0:31");
        assert_eq!(hours_minutes(85 * 60), "1:25");
        assert_eq!(hours_minutes(92 * 60 + 5), "1:32", "over an hour");
        assert_eq!(hours_minutes(10 * 3600 + 7 * 60), "10:07");
        assert_eq!(hours_minutes(-5), "0:00");
    }
}
