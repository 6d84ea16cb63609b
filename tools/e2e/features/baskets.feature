Feature: Shopping baskets
  At a kiosk a customer starts a basket and fills it with products of the mall's stores, seeing the new total after
  every change. Until checkout they can change their mind: take items out again, or cancel the basket. A basket
  that was checked out or cancelled no longer changes.

  Background:
    Given the participating store "Nic & Naks" sells:
      | product           | price |
      | Wizard w/ crystal | 9.99  |
      | Crystal ball      | 25.00 |
    And the registered customer "Alice"

  Scenario: A customer starts a basket
    When Alice starts a basket
    Then Alice's basket is open
    And Alice's basket is empty, with a total of 0.00

  Scenario: The total follows every item added
    Given Alice has started a basket
    When Alice adds 2 "Wizard w/ crystal"
    Then Alice's basket total is 19.98
    When Alice adds 1 "Crystal ball"
    Then Alice's basket total is 44.98
    And Alice's basket holds:
      | product           | store      | price | quantity |
      | Wizard w/ crystal | Nic & Naks | 9.99  | 2        |
      | Crystal ball      | Nic & Naks | 25.00 | 1        |

  Scenario: Adding more of a product adds to its line
    Given Alice has started a basket
    When Alice adds 2 "Wizard w/ crystal"
    And Alice adds 3 "Wizard w/ crystal"
    Then Alice's basket holds:
      | product           | store      | price | quantity |
      | Wizard w/ crystal | Nic & Naks | 9.99  | 5        |
    And Alice's basket total is 49.95

  Scenario: Taking items out again
    Given Alice has a basket with 3 "Wizard w/ crystal"
    And Alice has added 1 "Crystal ball"
    When Alice removes 1 "Wizard w/ crystal"
    Then Alice's basket total is 44.98
    When Alice removes 2 "Wizard w/ crystal"
    Then Alice's basket holds:
      | product      | store      | price | quantity |
      | Crystal ball | Nic & Naks | 25.00 | 1        |
    And Alice's basket total is 25.00

  Scenario: A product the mall does not sell cannot be added
    Given Alice has started a basket
    When Alice tries to add 1 of a product the mall does not sell
    Then it is refused because "product fallback failed: product was not located"
    And Alice's basket is empty, with a total of 0.00

  Scenario Outline: Only a positive whole number of items can be added (<quantity>)
    Given Alice has started a basket
    When Alice tries to add <quantity> "Wizard w/ crystal"
    Then it is refused because "<reason>"
    And Alice's basket is empty, with a total of 0.00

    Examples:
      | quantity | reason                               |
      | -1       | the item quantity cannot be negative |
      | 0        | the item quantity cannot be zero     |

  Scenario: A cancelled basket is emptied and no longer changes
    Given Alice has a basket with 2 "Wizard w/ crystal"
    When Alice cancels her basket
    Then Alice's basket is cancelled
    And Alice's basket is empty, with a total of 0.00
    When Alice tries to add 1 "Crystal ball"
    Then it is refused because "the basket cannot be modified"

  Scenario: A checked-out basket no longer changes
    Given Alice has a basket with 2 "Wizard w/ crystal"
    And Alice's card is pre-authorised for 50.00
    When Alice checks out
    Then Alice's basket is checked out
    When Alice tries to add 1 "Crystal ball"
    Then it is refused because "the basket cannot be modified"
    When Alice tries to remove 1 "Wizard w/ crystal"
    Then it is refused because "the basket cannot be modified"
    When Alice tries to cancel her basket
    Then it is refused because "the basket cannot be cancelled"
    And Alice's basket total is 19.98

  Scenario: An empty basket cannot be checked out
    Given Alice has started a basket
    And Alice's card is pre-authorised for 10.00
    When Alice tries to check out
    Then it is refused because "the basket has no items"
    And Alice's basket is open
