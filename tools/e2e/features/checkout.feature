Feature: Checkout and the checks on a new order
  At checkout the customer swipes a card, which is pre-authorised for an amount, and the basket becomes an order.
  The order is pending while the mall checks it: the customer may order, the depot draws up a shopping list, the
  pre-authorised payment covers the total and was pre-authorised for the customer who orders, and the list is made
  available to the bots.
  When every check passes the order is approved. When one fails, what was already done is undone and the order is
  rejected: it will not be shopped.

  Background:
    Given the participating store "Nic & Naks" at "Level 1, unit 3" sells:
      | product           | price |
      | Wizard w/ crystal | 9.99  |
    And the registered customer "Alice"

  Scenario: A checked-out basket becomes an approved order with a shopping list for the bots
    Given Alice has a basket with 5 "Wizard w/ crystal"
    And Alice's card is pre-authorised for 200.00
    When Alice checks out
    Then Alice's order is approved
    And Alice's order holds:
      | product           | store      | price | quantity |
      | Wizard w/ crystal | Nic & Naks | 9.99  | 5        |
    And the depot offers the bots a shopping list for Alice's order:
      | store      | location        | product           | quantity |
      | Nic & Naks | Level 1, unit 3 | Wizard w/ crystal | 5        |

  Scenario: A card pre-authorised for exactly the total is enough
    Given Alice has a basket with 5 "Wizard w/ crystal"
    And Alice's card is pre-authorised for 49.95
    When Alice checks out
    Then Alice's order is approved

  Scenario: A disabled customer's order is rejected
    Given staff have disabled "Alice"
    And Alice has a basket with 1 "Wizard w/ crystal"
    And Alice's card is pre-authorised for 20.00
    When Alice checks out
    Then Alice's order is rejected

  Scenario: A card pre-authorised for less than the total; the shopping list already drawn up is withdrawn
    Given Alice has a basket with 5 "Wizard w/ crystal"
    And Alice's card is pre-authorised for 49.94
    When Alice checks out
    Then Alice's order is rejected
    And the depot withdraws the shopping list drawn up for Alice's order

  Scenario: A card payment that was never pre-authorised
    Given Alice has a basket with 1 "Wizard w/ crystal"
    When Alice checks out with a card payment that was never pre-authorised
    Then Alice's order is rejected

  Scenario: A card pre-authorised for someone else is refused
    Given the registered customer "Bob"
    And Bob's card is pre-authorised for 100.00
    And Alice has a basket with 1 "Wizard w/ crystal"
    When Alice checks out with Bob's card
    Then Alice's order is rejected
    And the depot withdraws the shopping list drawn up for Alice's order
    And no invoice is ever raised for Alice's order

  Scenario: A product withdrawn from sale after it went into the basket
    Given Alice has a basket with 1 "Wizard w/ crystal"
    And Alice's card is pre-authorised for 20.00
    When the owner of "Nic & Naks" removes "Wizard w/ crystal"
    And the depot has learned that "Wizard w/ crystal" is no longer sold
    And Alice checks out
    Then Alice's order is rejected
