Feature: Store catalog
  A store owner offers products through the service: each has a name, a description and a price. The kiosks show a
  store's catalog, and price changes, rebrands and removals show there at once.

  Background:
    Given the participating store "Waldorf Books"

  Scenario: A store owner adds products to the catalog
    When the owner of "Waldorf Books" adds "Wizard w/ crystal" at 9.98
    And the owner of "Waldorf Books" adds "Dragon bookmark" at 2.50
    Then the catalog of "Waldorf Books" lists:
      | product           | price |
      | Wizard w/ crystal | 9.98  |
      | Dragon bookmark   | 2.50  |

  Scenario: A store's catalog shows only its own products
    Given the participating store "Nic & Naks" sells:
      | product      | price |
      | Crystal ball | 25.00 |
    When the owner of "Waldorf Books" adds "Dragon bookmark" at 2.50
    Then the catalog of "Waldorf Books" lists:
      | product         | price |
      | Dragon bookmark | 2.50  |
    And the catalog of "Nic & Naks" lists:
      | product      | price |
      | Crystal ball | 25.00 |

  Scenario: A product must have a name
    When the owner of "Waldorf Books" tries to add a product without a name at 4.99
    Then it is refused because "the product name cannot be blank"
    And the catalog of "Waldorf Books" is empty

  Scenario: A price cannot be negative
    When the owner of "Waldorf Books" tries to add "Free lunch" at -1.00
    Then it is refused because "the product price cannot be negative"
    And the catalog of "Waldorf Books" is empty

  Scenario: Products are added only to stores of the mall
    When someone tries to add "Ghost story" at 5.00 to a store the mall does not have
    Then it is refused because "store with that ID does not exist"

  Scenario: A product is rebranded
    Given "Waldorf Books" sells "Wizard w/ crystal" at 9.98
    When "Wizard w/ crystal" is rebranded as "Wizard with crystal", described as "A wizard figurine holding a crystal"
    Then the catalog of "Waldorf Books" shows "Wizard w/ crystal" as "Wizard with crystal", described as "A wizard figurine holding a crystal"

  Scenario: Prices go up and down
    Given "Waldorf Books" sells "Dragon bookmark" at 2.50
    When the owner raises the price of "Dragon bookmark" to 3.00
    Then the catalog of "Waldorf Books" lists:
      | product         | price |
      | Dragon bookmark | 3.00  |
    When the owner lowers the price of "Dragon bookmark" to 2.75
    Then the catalog of "Waldorf Books" lists:
      | product         | price |
      | Dragon bookmark | 2.75  |

  Scenario: Raising a price must raise it
    Given "Waldorf Books" sells "Dragon bookmark" at 2.50
    When the owner tries to raise the price of "Dragon bookmark" to 2.00
    Then it is refused because "the price change would be a decrease"
    And the catalog of "Waldorf Books" lists:
      | product         | price |
      | Dragon bookmark | 2.50  |

  Scenario: Lowering a price must lower it
    Given "Waldorf Books" sells "Dragon bookmark" at 2.50
    When the owner tries to lower the price of "Dragon bookmark" to 3.50
    Then it is refused because "the price change would be an increase"
    And the catalog of "Waldorf Books" lists:
      | product         | price |
      | Dragon bookmark | 2.50  |

  Scenario: A removed product leaves the catalog for good
    Given "Waldorf Books" sells "Wizard w/ crystal" at 9.98
    And "Waldorf Books" sells "Dragon bookmark" at 2.50
    When the owner of "Waldorf Books" removes "Wizard w/ crystal"
    Then the catalog of "Waldorf Books" lists:
      | product         | price |
      | Dragon bookmark | 2.50  |
    When the owner of "Waldorf Books" tries to remove "Wizard w/ crystal" again
    Then it is refused because "the product has already been removed"
