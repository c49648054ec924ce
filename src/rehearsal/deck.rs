//! The deck of pushback cards, in a shuffled order that a seed makes
//! repeatable, each card dealt once.

use super::Card;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deck {
    cards: Vec<Card>,
}

impl Deck {
    /// `cards` shuffled by `seed`: the same seed, the same order.
    pub fn shuffled(mut cards: Vec<Card>, seed: u64) -> Deck {
        let mut state = seed;
        // Fisher–Yates with splitmix64: a few lines, no crate, and the
        // order only has to be hard to guess, not cryptographic.
        for i in (1..cards.len()).rev() {
            let j = (splitmix64(&mut state) % (i as u64 + 1)) as usize;
            cards.swap(i, j);
        }
        Deck { cards }
    }

    /// The cards `handled` last time (by what they say) moved to the end,
    /// each side in its shuffled order: what needed work comes up first.
    pub fn handled_last(self, handled: &[String]) -> Deck {
        let (later, first): (Vec<Card>, Vec<Card>) = self
            .cards
            .into_iter()
            .partition(|c| handled.contains(&c.says));
        Deck {
            cards: first.into_iter().chain(later).collect(),
        }
    }

    /// The next card not `dealt` yet, in the deck's order.
    pub fn next(&self, dealt: impl Fn(&Card) -> bool) -> Option<&Card> {
        self.cards.iter().find(|card| !dealt(card))
    }

    pub fn len(&self) -> usize {
        self.cards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    pub fn cards(&self) -> &[Card] {
        &self.cards
    }
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards(n: usize) -> Vec<Card> {
        (0..n)
            .map(|i| Card {
                says: format!("card {i}"),
                answer: String::new(),
            })
            .collect()
    }

    fn order(deck: &Deck) -> Vec<String> {
        deck.cards().iter().map(|c| c.says.clone()).collect()
    }

    #[test]
    fn the_same_seed_deals_the_same_order() {
        let a = Deck::shuffled(cards(8), 1);
        let b = Deck::shuffled(cards(8), 1);
        assert_eq!(order(&a), order(&b));
    }

    #[test]
    fn another_seed_shuffles_differently_and_keeps_every_card() {
        let a = Deck::shuffled(cards(8), 1);
        let b = Deck::shuffled(cards(8), 2);
        assert_ne!(order(&a), order(&b));
        let unshuffled: Vec<String> = cards(8).into_iter().map(|c| c.says).collect();
        assert_ne!(order(&a), unshuffled, "it is shuffled");
        let mut sorted = order(&b);
        sorted.sort();
        assert_eq!(sorted, unshuffled, "every card, once");
    }

    #[test]
    fn each_card_is_dealt_once() {
        let deck = Deck::shuffled(cards(3), 7);
        let mut dealt: Vec<String> = Vec::new();
        while let Some(card) = deck.next(|c| dealt.contains(&c.says)) {
            dealt.push(card.says.clone());
        }
        assert_eq!(dealt.len(), 3);
        assert!(deck.next(|c| dealt.contains(&c.says)).is_none());
    }
}

#[cfg(test)]
mod handled_last {
    use super::*;

    fn card(says: &str) -> Card {
        Card {
            says: says.into(),
            answer: String::new(),
        }
    }

    #[test]
    fn cards_handled_last_time_come_after_the_rest_in_their_order() {
        let deck = Deck::shuffled(["a", "b", "c", "d", "e"].map(card).to_vec(), 7);
        let order: Vec<String> = deck.cards().iter().map(|c| c.says.clone()).collect();
        let handled = vec![order[0].clone(), order[2].clone()];
        let again = deck.handled_last(&handled);
        let after: Vec<&str> = again.cards().iter().map(|c| c.says.as_str()).collect();
        assert_eq!(
            after,
            [&order[1], &order[3], &order[4], &order[0], &order[2]].map(String::as_str)
        );
    }
}
