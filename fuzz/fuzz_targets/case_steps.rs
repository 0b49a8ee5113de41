//! Any sequence of steps, by any role, on any dates: each is taken or refused, and the clock
//! never panics — a deadline engine must not fail on the 31st of anything.
#![no_main]
use libfuzzer_sys::fuzz_target;

use cases::clock::PauseKind;
use cases::{Action, ApplicantKind, Case, Fee, Outcome, Role};

const ROLES: [Role; 5] = [
    Role::Registrar,
    Role::Handler,
    Role::Approver,
    Role::AgencyAdmin,
    Role::Supervisor,
];

fn day(base: jiff::civil::Date, offset: u8) -> Option<jiff::civil::Date> {
    base.checked_add(jiff::Span::new().days(i64::from(offset)))
        .ok()
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(cal) = calendar::Calendar::official() else {
        return;
    };
    let Some((&first, steps)) = bytes.split_first() else {
        return;
    };
    // Received on any day from 2019 to 2026 (the years the calendar knows, and past them).
    let Some(received) = jiff::civil::Date::new(2019, 1, 1).ok().and_then(|d| {
        d.checked_add(jiff::Span::new().days(i64::from(first) * 12))
            .ok()
    }) else {
        return;
    };
    let mut case = Case::new(ApplicantKind::Natural, received);
    let outcomes: Vec<Outcome> = Outcome::all().collect();
    let mut on = received;
    for step in steps.chunks(3) {
        let [what, role, offset] = step else { break };
        let Some(next) = day(on, *offset) else { break };
        on = next;
        let action = match what % 15 {
            0 => Action::RequestCorrection { on },
            1 => Action::Corrected { on },
            2 => Action::CorrectionLapsed { on },
            3 => Action::StartConsultation {
                kind: PauseKind::ThirdParty,
                on,
            },
            4 => Action::EndConsultation { on },
            5 => Action::Extend {
                days: u16::from(*offset),
            },
            6 => Action::SendFeeNotice {
                on,
                fee: Fee::PerPage {
                    pages: u32::from(*offset) * 7,
                },
            },
            7 => Action::FeePaid { on },
            8 => Action::FeeLapsed { on },
            9 => match outcomes.get(usize::from(*offset) % outcomes.len().max(1)) {
                Some(&outcome) => Action::Draft { outcome },
                None => continue,
            },
            10 => Action::Approve,
            11 => Action::Send { on },
            12 => Action::Close { on },
            13 => Action::Withdraw { on },
            _ => Action::SendFeeNotice {
                on,
                fee: Fee::PerApplication {
                    nth: u32::from(*offset),
                },
            },
        };
        let role = ROLES[usize::from(*role) % ROLES.len()];
        let _ = case.apply(&cal, role, action);
        let _ = case.due(&cal);
    }
});
