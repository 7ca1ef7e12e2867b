package demodata

// The demo tenant is "Conecta Fibra", a fictional Brazilian internet
// provider: a business with sales, support, billing, collections,
// retention, ombudsman and installation queues reached by phone and by
// every digital channel.

const (
	brand       = "Conecta Fibra"
	brandHandle = "@conectafibra"
	brandEmail  = "atendimento@conectafibra.example" // RFC 2606 reserved TLD: never a real mailbox
	brandNumber = "+551140035000"                    // WhatsApp business number
	smsShort    = "27070"                            // SMS short code
	mediaHost   = "https://media.conectafibra.example/demo/"
	ticketHost  = "https://suporte.conectafibra.example/tickets/"
)

type menu struct {
	leaf string // seed 003 menu path: the IVR leaf the caller chose
	id   string // seed 003 menu path id: the materialized queue-id path
}

type disposition struct{ code, notes, tag string }

type category struct{ cat, sub, subSub string }

type queueDef struct {
	name        string
	service     string
	weight      int     // share of inbound contacts
	outbound    float64 // share of its voice calls that agents place
	extension   string  // service extension: TO of a call nobody answered
	did         string  // inbound number (seed 004 DID)
	priority    int     // seed 003 queue priority, 1–8
	menus       []menu
	navs        []string // IVR navigation to each menu, for internal comments
	tags        []string
	disposition []disposition
	categories  []category
	openers     []string // the customer's first message
	followups   []string // what customers of this queue add along the way
	answers     []string // the agent's substantive replies
}

const (
	qVendas = iota
	qSuporte
	qFinanceiro
	qCobranca
	qRetencao
	qOuvidoria
	qInstalacao
)

var queues = []queueDef{
	qVendas: {
		name: "Vendas", service: "Vendas", weight: 20, outbound: 0.30, extension: "6001", did: "+551140035001", priority: 2,
		menus: []menu{{"Novos Planos", "1000/1100/1110"}, {"Combos Internet e TV", "1000/1100/1120"}},
		tags:  []string{"venda", "duvida", "upgrade-plano"},
		disposition: []disposition{
			{"Venda realizada", "Cliente contratou o plano Fibra 500 Mega com instalação agendada.", "venda"},
			{"Venda realizada", "Upgrade para 1 Giga efetivado; nova velocidade em até 2 horas.", "venda"},
			{"Proposta enviada", "Proposta enviada por e-mail; cliente vai avaliar com a família.", "venda"},
			{"Sem viabilidade", "Endereço sem cobertura de fibra; cliente cadastrado na lista de espera.", "duvida"},
			{"Informação prestada", "Cliente quis saber preços e prazos de instalação.", "duvida"},
		},
		categories: []category{{"Comercial", "Planos", "Fibra 500 Mega"}, {"Comercial", "Combos", "Internet + TV"}},
		openers: []string{
			"Olá, quero saber os planos de internet disponíveis para o meu endereço.",
			"Boa tarde! Vi a promoção do plano de 500 mega, ainda está valendo?",
			"Quero fazer upgrade do meu plano, como faço?",
			"Vocês atendem no bairro Jardim das Flores?",
		},
		answers: []string{
			"Temos o plano Fibra 500 Mega por R$ 99,90 e o 1 Giga por R$ 139,90, ambos com Wi-Fi 6 incluso.",
			"Verifiquei e o seu endereço tem cobertura de fibra, sim!",
			"A promoção vale até o fim do mês, com a primeira mensalidade grátis.",
			"Consigo fazer o upgrade agora mesmo, sem custo de mudança.",
		},
		followups: []string{"Tem fidelidade?", "A instalação é gratuita?", "E o Wi-Fi vem incluso?"},
	},
	qSuporte: {
		name: "Suporte", service: "Suporte Técnico", weight: 30, outbound: 0.05, extension: "6002", did: "+551140035002", priority: 3,
		menus: []menu{{"Sem Conexão", "1000/1200/1210"}, {"Internet Lenta", "1000/1200/1220"}, {"Wi-Fi e Equipamentos", "1000/1200/1230"}},
		tags:  []string{"suporte-tecnico", "sem-conexao", "duvida", "reclamacao"},
		disposition: []disposition{
			{"Resolvido", "Reinício remoto da ONU resolveu a falta de conexão.", "suporte-tecnico"},
			{"Resolvido", "Canal do Wi-Fi alterado para 5 GHz; velocidade normalizada nos testes.", "suporte-tecnico"},
			{"Visita técnica agendada", "Sinal óptico fora do padrão; visita técnica agendada para amanhã à tarde.", "suporte-tecnico"},
			{"Falha massiva", "Cliente na área da falha massiva do bairro; previsão de normalização informada.", "sem-conexao"},
			{"Não resolvido", "Cliente não estava em casa para testar; retorno combinado.", "reclamacao"},
		},
		categories: []category{{"Suporte técnico", "Conexão", "Lentidão"}, {"Suporte técnico", "Conexão", "Sem sinal"}, {"Suporte técnico", "Wi-Fi", "Alcance"}},
		openers: []string{
			"Minha internet caiu desde ontem à noite e não volta.",
			"A internet está muito lenta, não passa de 50 mega.",
			"O roteador está com a luz vermelha piscando, o que faço?",
			"O Wi-Fi não pega no quarto, só perto do aparelho.",
		},
		answers: []string{
			"Fiz um reinício remoto do seu equipamento, pode verificar se a conexão voltou?",
			"Identifiquei uma falha na sua região, a equipe técnica já está trabalhando e a previsão é de 4 horas.",
			"O sinal da fibra está fora do padrão, vou agendar uma visita técnica sem custo.",
			"Alterei o canal do seu Wi-Fi para 5 GHz, isso deve melhorar o alcance.",
		},
		followups: []string{"Já reiniciei o aparelho e não resolveu.", "Trabalho em casa, não posso ficar sem internet.", "A luz PON está apagada."},
	},
	qFinanceiro: {
		name: "Financeiro", service: "Financeiro", weight: 15, outbound: 0.05, extension: "6003", did: "+551140035003", priority: 4,
		menus: []menu{{"Segunda Via", "1000/1300/1310"}, {"Pagamentos e Contestação", "1000/1300/1320"}},
		tags:  []string{"segunda-via", "duvida", "reclamacao"},
		disposition: []disposition{
			{"Segunda via enviada", "Segunda via da fatura enviada por e-mail e WhatsApp.", "segunda-via"},
			{"Contestação aberta", "Cliente contesta cobrança de serviço adicional; contestação registrada.", "reclamacao"},
			{"Informação prestada", "Explicado o valor proporcional da primeira fatura.", "duvida"},
			{"Baixa de pagamento", "Pagamento em duplicidade identificado; crédito na próxima fatura.", "duvida"},
		},
		categories: []category{{"Financeiro", "Fatura", "Segunda via"}, {"Financeiro", "Fatura", "Cobrança indevida"}},
		openers: []string{
			"Preciso da segunda via da fatura deste mês.",
			"Minha fatura veio com um valor maior do que o normal, por quê?",
			"Paguei a conta ontem, mas ainda aparece em aberto.",
			"Quero mudar a data de vencimento da minha fatura.",
		},
		answers: []string{
			"Acabei de enviar a segunda via para o seu e-mail cadastrado.",
			"A diferença é referente ao valor proporcional dos dias de uso na primeira fatura.",
			"O pagamento pode levar até 3 dias úteis para ser compensado.",
			"Alterei o vencimento para o dia 15 a partir da próxima fatura.",
		},
		followups: []string{"Pode mandar para o meu e-mail?", "O valor continua o mesmo no mês que vem?", "Paguei pelo Pix."},
	},
	qCobranca: {
		name: "Cobrança", service: "Cobrança e Negociação", weight: 12, outbound: 0.60, extension: "6004", did: "+551140035004", priority: 5,
		menus: []menu{{"Negociação de Débitos", "1000/1400/1410"}},
		tags:  []string{"negociacao", "segunda-via"},
		disposition: []disposition{
			{"Acordo fechado", "Acordo em 3 parcelas sem juros; primeiro boleto enviado por e-mail.", "negociacao"},
			{"Promessa de pagamento", "Cliente promete pagar até sexta-feira; religação após compensação.", "negociacao"},
			{"Recusa", "Cliente não reconhece o débito; orientado a abrir contestação no Financeiro.", "negociacao"},
			{"Contato sem sucesso", "Terceiro atendeu e informou que o titular não mora mais no endereço.", "negociacao"},
		},
		categories: []category{{"Financeiro", "Débitos", "Negociação"}},
		openers: []string{
			"Recebi uma mensagem sobre uma conta em atraso, quero negociar.",
			"Minha internet foi bloqueada por falta de pagamento, como faço para religar?",
			"Consigo parcelar os meses em aberto?",
		},
		answers: []string{
			"Consigo parcelar o valor em até 3 vezes sem juros no boleto.",
			"Assim que o pagamento for compensado, a religação é automática em até 2 horas.",
			"Gerei o boleto do acordo com vencimento para daqui a 5 dias.",
		},
		followups: []string{"Consigo pagar só no dia 10.", "Quando religa depois do pagamento?", "Pode mandar o boleto por aqui?"},
	},
	qRetencao: {
		name: "Retenção", service: "Retenção", weight: 8, outbound: 0.30, extension: "6005", did: "+551140035005", priority: 2,
		menus: []menu{{"Cancelamento", "1000/1500/1510"}},
		tags:  []string{"cancelamento", "retido"},
		disposition: []disposition{
			{"Cliente retido", "Oferecido desconto de 30% por 6 meses; cliente aceitou permanecer.", "retido"},
			{"Cliente retido", "Upgrade gratuito para 1 Giga por 3 meses; cliente desistiu do cancelamento.", "retido"},
			{"Cancelamento efetivado", "Mudança para cidade sem cobertura; retirada do equipamento agendada.", "cancelamento"},
			{"Cancelamento efetivado", "Cliente recusou as ofertas; protocolo de cancelamento enviado.", "cancelamento"},
		},
		categories: []category{{"Cancelamento", "Mudança de endereço", "Sem viabilidade"}, {"Cancelamento", "Preço", "Oferta da concorrência"}},
		openers: []string{
			"Quero cancelar o meu plano.",
			"Vou me mudar para outra cidade, como faço o cancelamento?",
			"Recebi uma oferta mais barata de outra operadora, vocês cobrem?",
		},
		answers: []string{
			"Antes de cancelar, posso oferecer 30% de desconto nos próximos 6 meses.",
			"Posso transferir o seu plano para o novo endereço sem custo, se houver cobertura.",
			"Consigo igualar a oferta e ainda incluir o upgrade para 1 Giga.",
		},
		followups: []string{"O outro plano sai mais barato.", "Não quero mais, já decidi.", "Se der desconto eu fico."},
	},
	qOuvidoria: {
		name: "Ouvidoria", service: "Ouvidoria", weight: 5, outbound: 0.10, extension: "6006", did: "+551140035006", priority: 1,
		menus: []menu{{"Ouvidoria", "1000/1600"}},
		tags:  []string{"reclamacao", "elogio"},
		disposition: []disposition{
			{"Reclamação procedente", "Reclamação procedente; crédito proporcional aos dias sem serviço aplicado.", "reclamacao"},
			{"Reclamação improcedente", "Cobrança conforme contrato; cliente orientado com cópia do contrato.", "reclamacao"},
			{"Elogio registrado", "Elogio ao técnico da visita registrado e encaminhado ao supervisor.", "elogio"},
		},
		categories: []category{{"Reclamação", "Atendimento", "Demora"}, {"Elogio", "Atendimento", "Técnico"}},
		openers: []string{
			"Já abri três protocolos e ninguém resolve o meu problema.",
			"Quero registrar uma reclamação sobre o atendimento que recebi.",
			"Gostaria de elogiar o técnico que veio aqui em casa hoje.",
		},
		answers: []string{
			"Sinto muito pela experiência. Vou acompanhar pessoalmente o seu caso até a solução.",
			"Registrei a sua manifestação e a resposta oficial sai em até 5 dias úteis.",
			"Que bom saber! Vamos repassar o elogio para o técnico e a equipe dele.",
		},
		followups: []string{"Quero uma resposta por escrito.", "Já é a terceira vez que reclamo.", "Vou registrar na Anatel."},
	},
	qInstalacao: {
		name: "Instalação", service: "Agendamento de Instalação", weight: 10, outbound: 0.20, extension: "6007", did: "+551140035007", priority: 4,
		menus: []menu{{"Agendar Instalação", "1000/1700/1710"}, {"Reagendar Visita", "1000/1700/1720"}},
		tags:  []string{"agendamento", "duvida"},
		disposition: []disposition{
			{"Instalação agendada", "Instalação agendada para sábado pela manhã.", "agendamento"},
			{"Visita reagendada", "Cliente não estará em casa; visita reagendada para segunda-feira à tarde.", "agendamento"},
			{"Informação prestada", "Informado que o técnico leva o roteador e faz a configuração no local.", "duvida"},
		},
		categories: []category{{"Instalação", "Agendamento", "Primeira instalação"}, {"Instalação", "Reagendamento", "Ausência do técnico"}},
		openers: []string{
			"Contratei o plano ontem, quando vai ser a instalação?",
			"O técnico não apareceu no horário marcado.",
			"Preciso reagendar a visita de amanhã.",
		},
		answers: []string{
			"Tenho horários disponíveis na quinta à tarde ou no sábado pela manhã.",
			"Peço desculpas pelo ocorrido, já reagendei a visita com prioridade.",
			"A visita foi reagendada e você vai receber a confirmação por SMS.",
		},
		followups: []string{"Pode ser no sábado?", "Só tem gente em casa depois das 14h.", "O técnico liga antes de vir?"},
	},
}

// queueWeights is the default queue mix; reclameAquiQueues the mix of the
// complaint site, where most contacts are complaints for the ombudsman.
var (
	queueWeights      = weights{20, 30, 15, 12, 8, 5, 10}
	reclameAquiQueues = weights{2, 10, 8, 2, 8, 70, 0}
)

var (
	customerMore = []string{
		"Ok", "Entendi.", "Certo, pode verificar por favor?", "O CPF é o mesmo do cadastro.",
		"Quanto tempo vai demorar?", "É urgente, preciso disso hoje.", "Sim, isso mesmo.", "Vou aguardar.",
		"Consegue ver aí no sistema?", "Perfeito.", "Obrigado pela paciência.", "Ainda está aí?",
	}
	agentMore = []string{
		"Só um instante, estou verificando no sistema.", "Pode me confirmar o CPF do titular, por favor?",
		"Obrigado pela confirmação.", "Localizei o seu cadastro aqui.", "Entendo a situação e vou ajudar.",
		"Já registrei a solicitação no sistema.", "Você vai receber uma confirmação por e-mail em instantes.",
		"Pode me confirmar o endereço completo, por favor?", "O prazo é de até 2 dias úteis.",
		"Fiz o procedimento por aqui, pode testar agora?",
	}
	captions = []string{"Segue a foto do roteador", "Print da tela com o erro", "Comprovante de pagamento", "Foto da fatura", ""}

	askMore       = "Posso ajudar em algo mais?"
	customerBye   = []string{"Não, era só isso. Obrigado!", "Só isso, obrigada!", "Não, tudo certo. Valeu!", "Era isso, muito obrigado pela ajuda."}
	agentBye      = "A Conecta Fibra agradece o seu contato! Tenha um ótimo dia."
	agentHold     = "Vou verificar com a área responsável, um momento por favor."
	agentTransfer = "Vou transferir o seu atendimento para o setor responsável, só um momento."
	agentNudge    = "Conseguiu testar? Fico no aguardo do seu retorno."
	agentFile     = "Segue o boleto atualizado."
	customerPing  = []string{"Alguém?", "Oi? Tem alguém aí?", "Olá??"}

	botAutoReply = "Olá! Recebemos a sua mensagem. Em instantes um de nossos atendentes vai falar com você."
	botHandover  = "Certo! Estou transferindo você para um de nossos atendentes. Aguarde um momento, por favor."
	botGaveUp    = "Como não recebemos resposta, este atendimento foi encerrado. Se precisar, é só chamar!"

	templateText = "Olá! A sua fatura Conecta Fibra vence em 3 dias. Responda 1 para receber a segunda via."

	commentOpeners = []string{
		"Estou há 3 dias sem internet e ninguém resolve!",
		"Alguém mais com a internet caindo toda hora no centro?",
		"Quanto custa o plano de 1 giga?",
		"Atendimento péssimo, esperei o técnico o dia todo.",
	}
	commentReply  = "Olá! Sentimos muito pelo transtorno. Enviamos uma mensagem privada para ajudar você."
	commentAgain  = "Respondi lá no direct."
	commentFollow = "Obrigado! Seguimos pela mensagem privada."

	conversationNotes = []string{"Cliente prefere contato pelo WhatsApp.", "Cliente com histórico de quedas; priorizar.", "Retornar após as 18h.", "Cliente pediu retorno do supervisor."}
	internalNotes     = []string{"Cliente informou que o problema começou depois da chuva.", "Cliente estava no trabalho; pediu contato à noite.", "Verificado histórico de 2 visitas técnicas no mês.", "Cliente pediu para não receber ligações de oferta."}

	csatComments = [5][]string{
		1: {"Demorou muito e não resolveu.", "Fui transferido várias vezes."},
		2: {"Resolveu, mas demorou demais.", "O atendente não sabia responder."},
		3: {"Bom atendimento.", "Resolveu o que eu precisava."},
		4: {"Ótimo atendimento, resolveu rápido!", "Atendente muito educada e atenciosa.", "Excelente, nota 10!"},
	}
)

var voiceServers = []string{"voip01.conectafibra.example", "voip02.conectafibra.example", "voip03.conectafibra.example"}

var (
	imageURLs = mediaURLs("img/foto-", ".jpg", 12)
	audioURLs = mediaURLs("audio/audio-", ".ogg", 12)
	fileURLs  = mediaURLs("docs/boleto-", ".pdf", 12)
)

func mediaURLs(prefix, ext string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = mediaHost + prefix + pad(int64(i+1), 4) + ext
	}
	return out
}

// msgIDs are per-interaction message ids: unique within the interaction,
// which is what the history view keys messages by.
var msgIDs = func() []string {
	out := make([]string, 64)
	for i := range out {
		out[i] = "m" + pad(int64(i+1), 2)
	}
	return out
}()
