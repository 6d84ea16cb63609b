Feature: Depot operations
  Once an order is approved its shopping list is offered to the bots: one stop per store, with the products to pick
  up there, so a bot visits each store once. A bot takes the list, shops and returns; depot staff then decide the
  list is complete, and the order is ready for pickup and invoiced.

  Background:
    Given the participating store "Nic & Naks" at "Level 1, unit 3" sells:
      | product           | price |
      | Wizard w/ crystal | 9.99  |
      | Crystal ball      | 25.00 |
    And the participating store "Waldorf Books" at "Level 2, unit 14" sells:
      | product         | price |
      | Dragon bookmark | 2.50  |
    And the registered customer "Alice"

  Scenario: One stop per store
    Given Alice's order has been approved for:
      | product           | quantity |
      | Wizard w/ crystal | 2        |
      | Dragon bookmark   | 4        |
      | Crystal ball      | 1        |
    Then the depot offers the bots a shopping list for Alice's order:
      | store         | location         | product           | quantity |
      | Nic & Naks    | Level 1, unit 3  | Wizard w/ crystal | 2        |
      | Nic & Naks    | Level 1, unit 3  | Crystal ball      | 1        |
      | Waldorf Books | Level 2, unit 14 | Dragon bookmark   | 4        |

  Scenario: A bot shops the list and the order becomes ready for pickup
    Given Alice's order for 2 "Crystal ball" has been approved
    When bot "bot-7" takes the shopping list for Alice's order
    Then the shopping list for Alice's order is assigned to bot "bot-7"
    And the depot no longer offers the shopping list for Alice's order to the bots
    When depot staff complete the shopping list for Alice's order
    Then the shopping list for Alice's order is completed
    And Alice's order is ready for pickup
    And Alice has an invoice of 50.00 to pay

  Scenario: A list must be taken by a bot before it is completed
    Given Alice's order for 1 "Crystal ball" has been approved
    When depot staff try to complete the shopping list for Alice's order
    Then it is refused because "the shopping list cannot be completed"
    And the depot offers the bots a shopping list for Alice's order:
      | store      | location        | product      | quantity |
      | Nic & Naks | Level 1, unit 3 | Crystal ball | 1        |

  Scenario: A list taken by one bot cannot be taken by another
    Given Alice's order for 1 "Crystal ball" has been approved
    And bot "bot-7" has taken the shopping list for Alice's order
    When bot "bot-8" tries to take the shopping list for Alice's order
    Then it is refused because "the shopping list cannot be assigned"
    And the shopping list for Alice's order is assigned to bot "bot-7"

  Scenario: A bot must say who it is
    Given Alice's order for 1 "Crystal ball" has been approved
    When a bot tries to take the shopping list for Alice's order without giving its name
    Then it is refused because "the bot id cannot be blank"
